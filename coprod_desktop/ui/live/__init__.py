"""Running a session in the room: the facilitator's run view and the projector's room view."""
