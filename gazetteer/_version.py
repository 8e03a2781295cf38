"""The package version, in one place that every module may read without importing the package."""

__version__ = "0.3.0"
