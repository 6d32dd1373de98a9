"""The toolkit's models, one module per concept; imported here so Django finds them."""

from .advice import AdviceCard
from .bundles import Bundle
from .documents import ToolkitDocument
from .pages import (
    ToolkitDownload,
    ToolkitIndexPage,
    ToolkitItemAdviceCard,
    ToolkitItemOccasion,
    ToolkitItemPage,
)
from .stats import DownloadCount

__all__ = [
    "AdviceCard",
    "Bundle",
    "DownloadCount",
    "ToolkitDocument",
    "ToolkitDownload",
    "ToolkitIndexPage",
    "ToolkitItemAdviceCard",
    "ToolkitItemOccasion",
    "ToolkitItemPage",
]
