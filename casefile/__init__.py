"""CaseFile: case files and hashed evidence for consumer disputes."""

__all__ = ["__app_name__", "__version__"]

__app_name__ = "CaseFile"
__version__ = "0.1.0"
