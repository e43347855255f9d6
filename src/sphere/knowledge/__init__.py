"""Domain knowledge as versioned data: countries, groups, institutions and officials, with a typed loader.

The data files live in `data/` (see data/SOURCES.md for where every fact came from); `load_knowledge()`
reads them once. The extractor compiles `Knowledge.surface_forms()` into its matcher and resolves people
with `Knowledge.officials_named(name, on=published)`.
"""

from sphere.knowledge.loader import Knowledge, fold, load_knowledge, read_actors
from sphere.knowledge.records import INSTITUTION_KINDS, ROLES, Country, Group, Institution, Official

__all__ = [
    "INSTITUTION_KINDS",
    "ROLES",
    "Country",
    "Group",
    "Institution",
    "Knowledge",
    "Official",
    "fold",
    "load_knowledge",
    "read_actors",
]
