#!/usr/bin/env python3
"""Prints an X-OPENTOK-AUTH JWT (HS256) for the emulator's default credentials.

Usage: jwt.py [api_key] [api_secret] [lifetime_seconds<=300]
"""
import base64, hashlib, hmac, json, sys, time


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


key = sys.argv[1] if len(sys.argv) > 1 else "123456"
secret = sys.argv[2] if len(sys.argv) > 2 else "0123456789abcdef0123456789abcdef01234567"
life = int(sys.argv[3]) if len(sys.argv) > 3 else 300
now = int(time.time())
header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
claims = b64(json.dumps({"iss": key, "ist": "project", "iat": now, "exp": now + life, "jti": str(now)}).encode())
sig = b64(hmac.new(secret.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest())
print(f"{header}.{claims}.{sig}")
