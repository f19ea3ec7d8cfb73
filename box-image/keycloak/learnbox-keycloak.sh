#!/bin/sh
# Starts Keycloak for LearnBox: the realm `learnbox` is imported on the first start (a realm
# that exists already is left as it is), and the master realm's admin is made then too.
#
#   LEARNBOX_OIDC_CLIENT_SECRET  required: the secret of the client `learnbox-bridge`; when it
#                                is not set, the init service's file /run/learnbox/oidc-client-secret
#   LEARNBOX_PUBLIC_URL          the box's address for people (http://localhost:8000)
#   KC_BOOTSTRAP_ADMIN_USERNAME  the admin of the master realm (admin)
#   KC_BOOTSTRAP_ADMIN_PASSWORD  its password; when it is not given on the first start, one is
#                                generated and printed, once, in the container's log
# Any other Keycloak runtime option can be given as KC_* or appended as arguments.
set -eu

KC_HOME=/opt/keycloak
# The file of the dev-file (H2) database; it exists once Keycloak has started once.
DB_FILE=$KC_HOME/data/h2/keycloakdb.mv.db

SECRET_FILE=${LEARNBOX_SECRETS_DIR:-/run/learnbox}/oidc-client-secret
if [ -z "${LEARNBOX_OIDC_CLIENT_SECRET:-}" ] && [ -r "$SECRET_FILE" ]; then
  LEARNBOX_OIDC_CLIENT_SECRET=$(cat "$SECRET_FILE")
  export LEARNBOX_OIDC_CLIENT_SECRET
fi
if [ -z "${LEARNBOX_OIDC_CLIENT_SECRET:-}" ]; then
  echo "learnbox-keycloak: LEARNBOX_OIDC_CLIENT_SECRET is not set; it is the secret of the" \
       "bridge's OIDC client, imported into the realm learnbox (the init service makes it)" >&2
  exit 2
fi
LEARNBOX_PUBLIC_URL=${LEARNBOX_PUBLIC_URL:-http://localhost:8000}
LEARNBOX_PUBLIC_URL=${LEARNBOX_PUBLIC_URL%/}
export LEARNBOX_PUBLIC_URL

if [ ! -e "$DB_FILE" ] && [ -z "${KC_BOOTSTRAP_ADMIN_PASSWORD:-}" ]; then
  KC_BOOTSTRAP_ADMIN_PASSWORD=$(tr -dc 'A-HJ-NP-Za-km-z2-9' </dev/urandom | head -c 20)
  export KC_BOOTSTRAP_ADMIN_PASSWORD
  cat <<EOF
==================================================================================
 Keycloak's admin account (master realm), made now; this is the only time it shows:
   user:     ${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
   password: $KC_BOOTSTRAP_ADMIN_PASSWORD
 Keycloak marks it temporary: make a permanent admin in the console, then remove it.
==================================================================================
EOF
fi
if [ -n "${KC_BOOTSTRAP_ADMIN_PASSWORD:-}" ]; then
  # Keycloak's own default name is temp-admin. Used only when the master realm is made.
  KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
  export KC_BOOTSTRAP_ADMIN_USERNAME
else
  # Keycloak refuses to start with a bootstrap admin name and no password.
  unset KC_BOOTSTRAP_ADMIN_USERNAME
fi

exec "$KC_HOME/bin/kc.sh" start --optimized --import-realm \
  --http-enabled=true --hostname-strict=false --http-port=8080 "$@"
