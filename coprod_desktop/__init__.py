"""coprod-desktop: plan, run and report co-production workshops, offline."""

__version__ = "0.1.0"
