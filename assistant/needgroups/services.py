"""Service names tidied for the report: "FNP" and "Family Nurse Partnership" are one service.

The names are data (``framework/services.yml``), validated on load; matching ignores
case, spaces and punctuation, so a trainer lists a service's local names once.
"""

from __future__ import annotations

import re
from functools import cached_property

from pydantic import Field, model_validator

from assistant.content import Content, Strict


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


class Service(Strict):
    name: str = Field(min_length=1)
    also: list[str] = []


class Services(Strict):
    """framework/services.yml: each service's report name and the other names it goes by."""

    services: list[Service] = []

    @model_validator(mode="after")
    def _one_service_per_name(self) -> Services:
        seen: dict[str, str] = {}
        for service in self.services:
            for name in [service.name, *service.also]:
                key = _key(name)
                if key in seen and seen[key] != service.name:
                    raise ValueError(f"'{name}' is listed under both '{seen[key]}' and "
                                     f"'{service.name}'")
                seen[key] = service.name
        return self

    @cached_property
    def _table(self) -> dict[str, str]:
        return {_key(name): service.name for service in self.services
                for name in [service.name, *service.also]}

    def canonical(self, name: str) -> str:
        """The report's name for the service ``name`` (``name`` itself when not listed)."""
        return self._table.get(_key(name), name.strip())


def load_services(content: Content) -> Services:
    return content.load(Services, "framework", "services.yml")
