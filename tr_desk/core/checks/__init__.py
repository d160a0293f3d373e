"""The checks, as a compiler lists errors: one small named rule per mistake, grouped by what
they check — the notice (``notice``), the minutes (``minutes``); the plan's are in ``core.plan``.

Each rule is a function that yields its problems; ``problems.run`` runs a group in order and
stamps every problem with the rule's name, so a test (and a reader) can tell which rule spoke.
"""
