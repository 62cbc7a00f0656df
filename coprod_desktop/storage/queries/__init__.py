"""Reads by area: planning, running a session, closing the loop."""
