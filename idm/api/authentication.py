"""API token authentication: DRF's, refusing keys that no token can have.

A header such as `Authorization: Token <NUL>` put the NUL into the token query and PostgreSQL
raised (500). Token keys are letters and digits (DRF makes 40 hexadecimal digits): any other
key is answered like an unknown one, "Invalid token."
"""

import re

from rest_framework import authentication

TOKEN_KEY = re.compile(r"[0-9A-Za-z]{1,40}", re.ASCII)


class TokenAuthentication(authentication.TokenAuthentication):
    def authenticate_credentials(self, key):
        if not TOKEN_KEY.fullmatch(key):
            key = ""  # no token has it: the same answer as for any unknown key
        return super().authenticate_credentials(key)
