"""TR Desk: notices, minutes and the meeting plan of a regional council (the organisation
comes from the profile a database was made with)."""

__version__ = "0.1.0"
