#!/bin/bash
# Checks a running learnbox/keycloak from outside, with curl and python3 (README.md says how
# to start one). Needs: KC (its URL, default http://localhost:18180), ADMIN_PW (the master
# realm admin's password), SECRET (the LEARNBOX_OIDC_CLIENT_SECRET it was started with).
# Makes a user `ada` (role teacher) in the realm learnbox: use a throwaway container.
set -euo pipefail
KC=${KC:-http://localhost:18180}
ADMIN_PW=${ADMIN_PW:?the master admin password}; SECRET=${SECRET:?the client secret}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
REDIRECT=http://localhost:8000/login/oauth2/code/keycloak
j() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

echo "--- discovery"
curl -fsS "$KC/realms/learnbox/.well-known/openid-configuration" | j 'd["issuer"], d["authorization_endpoint"], d["token_endpoint"]'

echo "--- admin token (master, admin-cli, password grant)"
TOKEN=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin --data-urlencode "password=$ADMIN_PW" \
  "$KC/realms/master/protocol/openid-connect/token" | j 'd["access_token"]')
echo "got an access token of ${#TOKEN} characters"
api() { curl -fsS -H "Authorization: Bearer $TOKEN" "$@"; }

echo "--- realm roles"
api "$KC/admin/realms/learnbox/roles" | j 'sorted(r["name"] for r in d)'
echo "--- default role's composites"
api "$KC/admin/realms/learnbox/roles/default-roles-learnbox/composites" | j 'sorted(r["name"] for r in d)'
echo "--- realm settings"
api "$KC/admin/realms/learnbox" | j '{k: d.get(k) for k in ["accessTokenLifespan","ssoSessionIdleTimeout","ssoSessionMaxLifespan","registrationAllowed","loginWithEmailAllowed","bruteForceProtected","failureFactor","maxDeltaTimeSeconds","waitIncrementSeconds","passwordPolicy"]}'
echo "--- client"
api "$KC/admin/realms/learnbox/clients?clientId=learnbox-bridge" > $TMP/client.json
j '{k: d[0].get(k) for k in ["clientId","publicClient","standardFlowEnabled","implicitFlowEnabled","directAccessGrantsEnabled","serviceAccountsEnabled","fullScopeAllowed","redirectUris","webOrigins","baseUrl"]}' < $TMP/client.json
j 'd[0]["attributes"]["post.logout.redirect.uris"]' < $TMP/client.json
CID=$(j 'd[0]["id"]' < $TMP/client.json)
echo "--- client secret equals LEARNBOX_OIDC_CLIENT_SECRET?"
GOT=$(api "$KC/admin/realms/learnbox/clients/$CID/client-secret" | j 'd["value"]')
[ "$GOT" = "$SECRET" ] && echo "yes: the placeholder was resolved at import" || { echo "NO: got $GOT"; exit 1; }

echo "--- a teacher logs in with the authorization code flow (no direct grants)"
api -o /dev/null -w 'create user: HTTP %{http_code}\n' -H 'Content-Type: application/json' \
  -d '{"username":"ada","enabled":true,"credentials":[{"type":"password","value":"a-long-secret","temporary":false}]}' \
  "$KC/admin/realms/learnbox/users"
UID_=$(api "$KC/admin/realms/learnbox/users?username=ada&exact=true" | j 'd[0]["id"]')
api "$KC/admin/realms/learnbox/roles/teacher" > $TMP/teacher.json
api -o /dev/null -w 'add role teacher: HTTP %{http_code}\n' -H 'Content-Type: application/json' \
  -d "[$(cat $TMP/teacher.json)]" "$KC/admin/realms/learnbox/users/$UID_/role-mappings/realm"
rm -f $TMP/jar
PAGE=$(curl -fsS -c $TMP/jar -b $TMP/jar -G "$KC/realms/learnbox/protocol/openid-connect/auth" \
  -d client_id=learnbox-bridge -d response_type=code -d scope=openid --data-urlencode "redirect_uri=$REDIRECT" -d state=s1 -d nonce=n1)
ACTION=$(printf '%s' "$PAGE" | grep -o 'id="kc-form-login"[^>]*action="[^"]*"\|action="[^"]*"[^>]*id="kc-form-login"' | grep -o 'action="[^"]*"' | head -1 | sed 's/^action="//; s/"$//; s/&amp;/\&/g')
[ -n "$ACTION" ] || { echo "no login form"; exit 1; }
LOC=$(curl -sS -o /dev/null -w '%{redirect_url}' -c $TMP/jar -b $TMP/jar \
  -d username=ada -d password=a-long-secret -d credentialId= "$ACTION")
echo "redirected to: ${LOC%%\?*}"
CODE=$(python3 -c "import sys,urllib.parse as u; print(u.parse_qs(u.urlparse(sys.argv[1]).query)['code'][0])" "$LOC")
curl -sS -o /dev/null -w 'code with a wrong secret: HTTP %{http_code}\n' -d grant_type=authorization_code -d "code=$CODE" \
  --data-urlencode "redirect_uri=$REDIRECT" -d client_id=learnbox-bridge -d client_secret=wrong "$KC/realms/learnbox/protocol/openid-connect/token"
# The browser's SSO cookie makes a second authorization request an immediate redirect with a
# fresh code (the one above is spent or not: a new one leaves no doubt).
PAGE=$(curl -fsS -c $TMP/jar -b $TMP/jar -G "$KC/realms/learnbox/protocol/openid-connect/auth" \
  -d client_id=learnbox-bridge -d response_type=code -d scope=openid --data-urlencode "redirect_uri=$REDIRECT" -d state=s2 -d nonce=n2 -D $TMP/h2 -o $TMP/p2 -w '%{redirect_url}')
LOC=$PAGE
CODE=$(python3 -c "import sys,urllib.parse as u; print(u.parse_qs(u.urlparse(sys.argv[1]).query)['code'][0])" "$LOC")
curl -fsS -d grant_type=authorization_code -d "code=$CODE" --data-urlencode "redirect_uri=$REDIRECT" \
  -d client_id=learnbox-bridge --data-urlencode "client_secret=$SECRET" "$KC/realms/learnbox/protocol/openid-connect/token" > $TMP/tokens.json
python3 - "$TMP/tokens.json" <<'PY'
import json, base64, sys
t = json.load(open(sys.argv[1]))
def claims(jwt):
    p = jwt.split('.')[1]; p += '=' * (-len(p) % 4)
    return json.loads(base64.urlsafe_b64decode(p))
i, a = claims(t['id_token']), claims(t['access_token'])
print('id token:', {k: i.get(k) for k in ['iss', 'preferred_username', 'roles', 'nonce']})
print('access token roles:', a.get('roles'), ' lifetime:', a['exp'] - a['iat'], 's', ' scope:', t.get('scope'))
print('refresh_expires_in:', t.get('refresh_expires_in'), 's')
PY
echo "--- password grant on the bridge's client is refused"
curl -sS -w ' HTTP %{http_code}\n' -d grant_type=password -d client_id=learnbox-bridge --data-urlencode "client_secret=$SECRET" \
  -d username=ada -d password=a-long-secret "$KC/realms/learnbox/protocol/openid-connect/token"
