"""Pure-Python domain of co-production: no Qt, no SQL, no I/O."""
