import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 20 + "Zq8!mW3#pL9@xR2$vN7%bT4^cY6&hJ1*" + "a" * 10


def _run(settings_module, *args, extra_env=None):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DJANGO_SETTINGS_MODULE")}
    env["DJANGO_SETTINGS_MODULE"] = settings_module
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("module", ["portal.settings.base", "portal.settings.dev", "portal.settings.test"])
def test_settings_module_imports(module):
    settings = importlib.import_module(module)
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"
    assert settings.USE_TZ is True


def test_production_settings_refuse_a_missing_secret_key():
    result = _run("portal.settings.production", "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    result = _run(
        "portal.settings.production",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        extra_env={
            "SECRET_KEY": STRONG_KEY,
            "ALLOWED_HOSTS": "france-services77.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://france-services77.example.org",
            "WAGTAILADMIN_BASE_URL": "https://france-services77.example.org",
        },
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_database_url_selects_postgresql(monkeypatch):
    import environ

    config = environ.Env.db_url_config("postgres://portal:secret@db.example.org:5432/portal")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "portal"


def test_redis_url_selects_the_redis_cache(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/1")
    import portal.settings.base as base

    reloaded = importlib.reload(base)
    try:
        assert reloaded.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    finally:
        monkeypatch.delenv("REDIS_URL")
        importlib.reload(base)
