"""The one exception type for anything a user can cause."""


class InputError(ValueError):
    """Bad input: the message is one line a user can act on."""
