"""Production keeps image renditions in Redis; without Redis, Wagtail's default applies."""

from tests.portal.test_settings import DEPLOY_ENV, run_manage

SHOW_RENDITIONS_CACHE = (
    "from wagtail.images import get_image_model; "
    "backend = get_image_model().get_rendition_model().cache_backend; "
    "print(type(backend).__name__, backend.key_prefix)"
)


def test_production_caches_renditions_in_redis():
    env = {**DEPLOY_ENV, "REDIS_URL": "redis://127.0.0.1:6379/5", "CACHE_KEY_PREFIX": "cong"}
    result = run_manage("shell", "-c", SHOW_RENDITIONS_CACHE, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["FaultTolerantRedisCache", "cong:renditions"]


def test_without_redis_renditions_use_the_default_cache():
    result = run_manage("shell", "-c", SHOW_RENDITIONS_CACHE, env={**DEPLOY_ENV, "REDIS_URL": ""})
    assert result.returncode == 0, result.stderr
    assert "Redis" not in result.stdout
