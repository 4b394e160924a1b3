"""CPR numbers at rest: encrypted with keys from the environment, found by a keyed hash."""

import secrets

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from integration_portal.core.crypto import (
    InvalidToken,
    cpr_decrypt,
    cpr_encrypt,
    cpr_hash,
    cpr_needs_reencryption,
    cpr_reencrypt,
    development_keys,
)
from tests.core.test_settings import _manage

OLD_KEY, NEW_KEY = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def test_a_number_comes_back_from_its_ciphertext_and_is_not_in_it():
    # when
    token = cpr_encrypt("140385-1237")

    # then
    assert cpr_decrypt(token) == "140385-1237"
    assert "1403851237" not in token and "140385" not in token


def test_the_same_number_encrypts_differently_each_time():
    # a fixed ciphertext per number would let anyone with the table see who is the same person
    assert cpr_encrypt("140385-1237") != cpr_encrypt("140385-1237")


def test_the_hash_ignores_the_dash_and_depends_on_the_key():
    # when
    with_dash, without_dash = cpr_hash("140385-1237"), cpr_hash("1403851237")
    with override_settings(CPR_HASH_KEY=secrets.token_hex(32)):
        other_key = cpr_hash("140385-1237")

    # then
    assert with_dash == without_dash
    assert other_key != with_dash
    assert len(with_dash) == 64 and "1403851237" not in with_dash


def test_after_a_key_rotation_old_ciphertexts_still_decrypt_and_can_be_moved_to_the_new_key():
    # given a number encrypted with the old key
    with override_settings(CPR_ENCRYPTION_KEY=OLD_KEY):
        token = cpr_encrypt("010190-1234")

    # when the new key is put first, the old one kept after it
    with override_settings(CPR_ENCRYPTION_KEY=f"{NEW_KEY},{OLD_KEY}"):
        readable = cpr_decrypt(token)
        stale = cpr_needs_reencryption(token)
        moved = cpr_reencrypt(token)
        moved_is_stale = cpr_needs_reencryption(moved)

    # then the old number reads, and once moved it reads with the new key alone
    assert readable == "010190-1234"
    assert stale and not moved_is_stale
    with override_settings(CPR_ENCRYPTION_KEY=NEW_KEY):
        assert cpr_decrypt(moved) == "010190-1234"
        with pytest.raises(InvalidToken):
            cpr_decrypt(token)


def test_a_malformed_key_is_a_configuration_error():
    with override_settings(CPR_ENCRYPTION_KEY="not-a-key"), pytest.raises(ImproperlyConfigured):
        cpr_encrypt("010190-1234")


def test_development_keys_are_stable_and_differ_by_secret_key():
    assert development_keys("a") == development_keys("a")
    assert development_keys("a") != development_keys("b")
    Fernet(development_keys("a")[0])  # a valid Fernet key


def test_production_refuses_to_start_without_the_cpr_keys():
    # given DEBUG off and a SECRET_KEY, but no CPR keys
    env = {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50),
           "CPR_ENCRYPTION_KEY": "", "CPR_HASH_KEY": ""}

    # when
    result = _manage("check", env=env)

    # then
    assert result.returncode != 0
    assert "CPR_ENCRYPTION_KEY and CPR_HASH_KEY must be set" in result.stderr


def test_production_starts_with_the_cpr_keys():
    env = {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50),
           "ALLOWED_HOSTS": "portal.kommune.example",
           "CPR_ENCRYPTION_KEY": f"{NEW_KEY},{OLD_KEY}", "CPR_HASH_KEY": secrets.token_hex(32)}

    result = _manage("check", env=env)

    assert result.returncode == 0, result.stderr
