"""Errors of the evaluation stage."""

from foundation.errors import PNSError


class EvalError(PNSError):
    """The evaluation set or a judge run is broken."""
