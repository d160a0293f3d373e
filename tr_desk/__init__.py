"""TR Desk: notices, minutes and the meeting plan of Trondheimsregionen."""

__version__ = "0.1.0"
