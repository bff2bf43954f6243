"""Reading settings from text: one declaration per setting, every problem collected.

A group of settings is a frozen pydantic dataclass built on :class:`Settings`; each
setting is one field that names its environment variable, type, default and the way its
text is read (``bot.config.values``)::

    @dataclass(frozen=True, config=SETTINGS)
    class Limits(Settings):
        vip_orders: Annotated[int, whole(1, 10_000)] = setting("BORDERDESK_VIP_ORDERS", 5)

While ``load_config`` reads the environment, the validation context is a
:class:`Reading`: text is parsed, a blank variable keeps its default, and a value that
cannot be used is written down as one line of the report (``BORDERDESK_VIP_ORDERS='x':
use a whole number from 1 to 10000``) while the setting keeps its default, so the
checks across settings still run and the user sees every problem at once. A group
built in code (tests, the demo) has no Reading: it holds the values it is given, only
type-checked.

Why pydantic dataclasses and not pydantic-settings' ``BaseSettings``: a BaseSettings
reads the process environment and ``.env`` whenever it is built, so a Config made in a
test or by the demo would pick up the developer's own tokens; it is no dataclass, and
the code relies on ``dataclasses.replace`` and on class-level defaults
(``Config.desk_file``); and ``load_config`` must read a given mapping instead of the
process environment, which its sources cannot. Declaring each setting once needs only
pydantic's fields and validators.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, ClassVar

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
)
from pydantic.dataclasses import dataclass
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUseDefault

# every group: built with field names in code, read by variable names from the environment
SETTINGS = ConfigDict(validate_by_name=True, validate_by_alias=True, hide_input_in_errors=True)


@dataclasses.dataclass
class Reading:
    """The validation context while ``load_config`` reads the environment: whether the
    platform credentials are required (``borderdesk run`` sets it), and the problems
    found so far, each a line naming its variable and how to fix it."""

    require_platforms: bool
    problems: list[str] = dataclasses.field(default_factory=list)


class Unfit(ValueError):
    """A variable's text cannot be used. The message is what follows the variable's name
    in the report, so it reads ``='en,english': give ...`` or `` does not look right: ...``;
    build it with :func:`wrong` when the text may be shown back."""


class Unset(ValueError):
    """The variable is blank: the setting keeps its default."""


def wrong(text: str, fix: str) -> Unfit:
    """``NAME='text': fix``, for a value that is no secret and may be shown back."""
    return Unfit(f"={text!r}: {fix}")


def parsed(parse: Callable[[str], Any], *, blank: Callable[[Reading], Any] | None = None) -> Any:
    """The validator that reads a setting's text with ``parse`` (given the stripped,
    non-blank text) while the environment is read. Blank text keeps the default, unless
    ``blank`` says otherwise (it may raise Unfit for a setting required to run). A value
    given in code is left as it is."""

    def read(value: Any, info: ValidationInfo) -> Any:
        if not isinstance(info.context, Reading) or not isinstance(value, str):
            return value
        text = value.strip()
        if text:
            return parse(text)
        if blank is None:
            raise Unset()
        return blank(info.context)

    return BeforeValidator(read)


def setting(
    variable: str,
    default: Any = None,
    *,
    factory: Callable[[], Any] | None = None,
    secret: bool = False,
) -> Any:
    """The field of a setting read from ``variable``, with its ``default`` (or a
    ``factory`` making a fresh one). A ``secret`` is kept out of the repr;
    ``Settings.secrets`` and ``Config.describe`` find secrets the same way."""
    if factory is not None:
        return Field(default_factory=factory, validation_alias=variable, repr=not secret)
    return Field(default, validation_alias=variable, repr=not secret)


@dataclass(frozen=True, config=SETTINGS)
class Settings:
    """The base of every group: names each variable in the report, collects problems."""

    __pydantic_fields__: ClassVar[dict[str, FieldInfo]]

    @classmethod
    def variables(cls) -> dict[str, str]:
        """Each setting's attribute name and the environment variable it is read from."""
        return {name: str(info.validation_alias) for name, info in cls.__pydantic_fields__.items()}

    @classmethod
    def variable(cls, name: str) -> str:
        """The environment variable of the setting ``name``, for messages that cite it."""
        return str(cls.__pydantic_fields__[name].validation_alias)

    @classmethod
    def is_secret(cls, name: str) -> bool:
        """Whether ``name`` is a secret setting (a row like "Telegram mode" is none)."""
        field = cls.__pydantic_fields__.get(name)
        return field is not None and field.repr is False

    def secrets(self) -> list[str]:
        """Values that must never appear in logs."""
        values = (getattr(self, name) for name in self.variables() if self.is_secret(name))
        return [value for value in values if value]

    @field_validator("*", mode="wrap")
    @classmethod
    def _report_what_cannot_be_used(
        cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo
    ) -> Any:
        """While reading the environment, a problem becomes a line of the report and the
        setting keeps its default meanwhile; a group built in code raises as usual."""
        reading = info.context
        if not isinstance(reading, Reading):
            return handler(value)
        try:
            return handler(value)
        except ValidationError as error:
            name = cls.variable(str(info.field_name))
            for detail in error.errors():
                reason = detail.get("ctx", {}).get("error")
                if isinstance(reason, Unset):
                    continue
                if isinstance(reason, Unfit):
                    reading.problems.append(f"{name}{reason}")
                else:
                    reading.problems.append(f"{name}: {detail['msg']}")
            raise PydanticUseDefault() from None
