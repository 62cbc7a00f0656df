"""What the app does, in plain Python (no Qt): the operations a facilitator
triggers, called alike by the windows, the command line and tests."""
