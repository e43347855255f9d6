"""One settings object for sphere; every field can be set with an environment variable prefixed `SPHERE_`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_db() -> str:
    path = Path(platformdirs.user_data_dir("sphere")) / "sphere.db"
    return f"sqlite:///{path}"


class Settings(BaseSettings):
    """sphere's settings. Environment: `SPHERE_<FIELD>` (e.g. `SPHERE_DATABASE_URL`)."""

    model_config = SettingsConfigDict(env_prefix="SPHERE_", extra="ignore")

    database_url: str = Field(
        default_factory=_default_db,
        description="SQLAlchemy URL of the store: a SQLite file by default, postgresql+psycopg://... for teams.",
    )
    max_text_bytes: int = Field(default=2_000_000, description="Texts longer than this are skipped as too large.")
    url_timeout: float = Field(default=20.0, description="Seconds before fetching a URL gives up.")
    url_max_bytes: int = Field(default=5_000_000, description="Largest response body read from a URL.")
    spacy_model: str | None = Field(
        default=None, description="Name of a spaCy package to load instead of en_core_web_sm / its PyPI twin."
    )
    comtrade_key: str | None = Field(default=None, description="UN Comtrade subscription key for `refdata update`.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
