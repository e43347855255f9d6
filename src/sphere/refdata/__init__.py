"""Reference data: the bundled snapshot (`snapshot/`, built by `build.py` from ../shared/refdata),
its loader (`load.py`), the store tables (`tables.py`) and the live connectors (`connectors/`)."""

from sphere.refdata.load import ReferenceData, RefValue, load_reference

__all__ = ["RefValue", "ReferenceData", "load_reference"]
