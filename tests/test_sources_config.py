"""Source configurations: unknown keys are errors, errors name the path and never the value.

A user relies on ``config.feeds[0].url: expected an http(s) URL`` style messages for a
mistyped TOML file, and on command-line strings being converted to the field types.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import partnerkit as pk
from partnerkit.sources import http_url, structure_config

SECRET = "tok-9f8e7d6c5b4a"


@attrs.frozen
class Feed:
    url: str = attrs.field(validator=http_url)
    publisher: str | None = None


@attrs.frozen
class Config:
    feeds: tuple[Feed, ...]
    timeout: float = 10.0
    retries: int = 3
    verbose: bool = False
    tags: tuple[str, ...] = ()


def test_structures_dicts_and_cli_strings() -> None:
    config = structure_config(
        Config,
        {"feeds": [{"url": "https://a.example/feed"}], "timeout": "2.5", "retries": "1", "verbose": "yes", "tags": "x"},
    )
    assert config == Config(feeds=(Feed("https://a.example/feed"),), timeout=2.5, retries=1, verbose=True, tags=("x",))


def test_a_single_table_where_a_list_is_expected_is_a_list_of_one() -> None:
    assert structure_config(Config, {"feeds": {"url": "http://a.example/"}}).feeds == (Feed("http://a.example/"),)


def test_an_instance_passes_through() -> None:
    config = Config(feeds=())
    assert structure_config(Config, config) is config


@pytest.mark.parametrize(
    ("data", "path", "reason"),
    [
        ({"feeds": [], "colour": SECRET}, "config.colour", "unknown option"),
        ({}, "config.feeds", "required option is missing"),
        ({"feeds": [{"url": SECRET}]}, "config.feeds[0].url", "expected an http(s) URL"),
        ({"feeds": [{"url": "https://ok.example"}, {"url": "ftp://" + SECRET}]}, "config.feeds[1].url", "http(s)"),
        ({"feeds": [{"url": "https://ok.example", "token": SECRET}]}, "config.feeds[0].token", "unknown option"),
        ({"feeds": [], "timeout": SECRET}, "config.timeout", "expected a number"),
        ({"feeds": [], "retries": 2.5}, "config.retries", "expected an integer"),
        ({"feeds": [], "verbose": SECRET}, "config.verbose", "expected true or false"),
        ({"feeds": [{"url": 7}]}, "config.feeds[0].url", "expected a string"),
    ],
)
def test_errors_name_the_path_and_never_the_value(data: dict[str, Any], path: str, reason: str) -> None:
    with pytest.raises(pk.ConfigError) as info:
        structure_config(Config, data)
    assert info.value.path == path
    assert reason in str(info.value)
    assert SECRET not in str(info.value)


def test_not_a_mapping() -> None:
    with pytest.raises(pk.ConfigError, match="expected a mapping"):
        structure_config(Config, ["feeds"])  # type: ignore[arg-type]
