"""One root exception type; each error names the file, row or span at fault."""

from __future__ import annotations


class AssistantError(Exception):
    """Root of every error this package raises on purpose."""


class IngestError(AssistantError):
    """A file could not be ingested; the message names the file and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFileType(IngestError):
    pass


class EmptyFile(IngestError):
    pass


class BinaryFile(IngestError):
    pass


class UndecodableFile(IngestError):
    pass


class FileTooLarge(IngestError):
    pass


class StoreError(AssistantError):
    """The store directory is missing, locked or inconsistent."""


class MissingDependency(AssistantError):
    """An optional component needs a package that is not installed."""

    def __init__(self, package: str, purpose: str):
        super().__init__(f"{purpose} needs the package '{package}': pip install {package}")
        self.package = package


class DataFileError(AssistantError):
    """A packaged data file (``assistant/data/*.yaml``) is unreadable or breaks its schema.

    The message names the file and the key at fault.
    """

    def __init__(self, path: str, key: str, reason: str):
        super().__init__(f"{path}: {key}: {reason}" if key else f"{path}: {reason}")
        self.path = path
        self.key = key
        self.reason = reason
