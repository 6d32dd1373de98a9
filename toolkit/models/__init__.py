"""The toolkit's models, one module per concept; imported here so Django finds them."""

from .documents import ToolkitDocument

__all__ = ["ToolkitDocument"]
