"""The planner: groups, sessions, agenda, ground rules, participants."""
