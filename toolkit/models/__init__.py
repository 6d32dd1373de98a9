"""The toolkit's models, one module per concept; imported here so Django finds them."""

from .advice import AdviceCard
from .bundles import Bundle
from .documents import ToolkitDocument
from .flyers import FlyerJob, FlyerTemplate, ToolkitItemFlyerTemplate
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
    "FlyerJob",
    "FlyerTemplate",
    "ToolkitDocument",
    "ToolkitDownload",
    "ToolkitIndexPage",
    "ToolkitItemFlyerTemplate",
    "ToolkitItemAdviceCard",
    "ToolkitItemOccasion",
    "ToolkitItemPage",
]
