#!/bin/sh
# Installs or upgrades LearnBox from its bundle on a machine with Docker alone (a NAS):
#   sh learnbox-install.sh learnbox-VERSION.tar    (or learnbox-VERSION.tar.gz)
# Checks the bundle whole and made for this machine's CPU before anything changes, loads its
# images, puts compose.yaml (and, the first time, the settings in .env) in this folder, and
# starts the box. POSIX sh and tar only: busybox is enough.
set -eu

say() { printf '%s\n' "$*"; }
refuse() {
  printf 'learnbox-install: %s\n' "$*" >&2
  printf 'Nothing was changed.\n' >&2
  exit 1
}

bundle=${1:-}
[ -n "$bundle" ] || { say "usage: sh learnbox-install.sh learnbox-VERSION.tar" >&2; exit 2; }
[ -r "$bundle" ] || refuse "there is no bundle at $bundle."
# A gzipped bundle (its first two bytes 1f 8b) is read through gzip; docker load reads either.
z=
[ "$(od -An -tx1 -N2 "$bundle" | tr -d ' \n')" = 1f8b ] && z=z

say "Checking $bundle ..."
# One read of the whole file (a NAS has little memory to cache it, and a gzipped bundle costs a
# minute a read): it must be whole, and its small files come out; the images' layers stay in it.
# Through a pipe: on a file, tar seeks over the layers it leaves out, and a cut inside one that
# ends on a 10 KiB record would pass for the archive's end.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$bundle" | tar -${z}xf - -C "$work" --exclude='*/layer.tar' --exclude='blobs/*' 2>/dev/null \
  || refuse "$bundle is cut short or damaged (tar cannot read it to its end): copy it again."
[ -f "$work/bundle.json" ] && [ -f "$work/manifest.json" ] \
  || refuse "$bundle is not a LearnBox bundle: it has no bundle.json and images."
command -v docker >/dev/null 2>&1 || refuse "Docker is not installed on this machine."
docker compose version >/dev/null 2>&1 || refuse "Docker's compose v2 ('docker compose') is missing."
docker info >/dev/null 2>&1 || refuse "the Docker engine does not answer: is it running, and may this user use it?"
description=$(cat "$work/bundle.json")
version=$(printf '%s\n' "$description" | sed -n 's/.*"version": *"\([^"]*\)".*/\1/p')

machine=$(docker info --format '{{.Architecture}}')
case $machine in
  x86_64) machine=amd64 ;;
  aarch64) machine=arm64 ;;
  armv7l|armhf) machine=arm ;;
esac
configs=$(tr ',' '\n' <"$work/manifest.json" | sed -n 's/.*"Config": *"\([^"]*\)".*/\1/p')
missing=
for config in $configs; do [ -f "$work/$config" ] || missing="$missing $config"; done
# A newer Docker's save keeps the configurations among the layers (blobs/): one more read for them.
# shellcheck disable=SC2086 # one name per image, no spaces
[ -z "$missing" ] || tar -${z}xf "$bundle" -C "$work" $missing
for config in $configs; do
  built_for=$(tr ',' '\n' <"$work/$config" | sed -n 's/.*"architecture": *"\([^"]*\)".*/\1/p' | head -n 1)
  [ "$built_for" = "$machine" ] \
    || refuse "this bundle's images are made for $built_for CPUs and this machine is $machine: use a bundle made for $machine."
done

# Upgrades run forward: a bundle older than the running box's data would not read it.
schema=$(printf '%s\n' "$description" | sed -n 's/.*"schema": *"\([0-9]*\)".*/\1/p')
running=$(docker compose exec -T bridge learnbox version 2>/dev/null || true)
data_schema=$(printf '%s\n' "$running" | sed -n 's/.*database schema \([0-9]*\).*/\1/p')
if [ -n "$schema" ] && [ -n "$data_schema" ] && [ "$data_schema" -gt "$schema" ]; then
  refuse "this bundle, LearnBox $version, is older than this box's data: the box runs ${running%%,*}" \
         "with database schema $data_schema, and this bundle knows schemas up to $schema."
fi

say "Loading the images of LearnBox $version (a few minutes) ..."
docker load -i "$bundle" \
  || refuse "Docker could not load the images (is the disk full?); the box that ran before still has its own."

if [ -f compose.yaml ]; then cp compose.yaml compose.yaml.before-$version; fi
cp "$work/compose.yaml" compose.yaml
if [ ! -f .env ]; then
  cp "$work/learnbox.env" .env
  say "The settings are in $(pwd)/.env (read at every start)."
fi
# Where this engine keeps its volumes (a NAS's is seldom /var/lib/docker): the bridge reads learners' homes there.
docker_root=$(docker info --format '{{.DockerRootDir}}')
if [ -n "$docker_root" ] && [ "$docker_root" != /var/lib/docker ] && ! grep -q '^LEARNBOX_DOCKER_VOLUMES=' .env; then
  printf '\n# Where this engine keeps its volumes (found at install).\nLEARNBOX_DOCKER_VOLUMES=%s/volumes\n' "$docker_root" >> .env
fi

say "Starting LearnBox $version ..."
if ! docker compose up -d; then
  printf 'learnbox-install: LearnBox %s did not start. Its bridge said:\n' "$version" >&2
  # Spring's failure analysis when there is one (a refusal in words), else the log's last lines.
  said=$(docker compose logs --no-log-prefix bridge 2>&1 | grep -A 4 '^Description:' | tail -n 5)
  if [ -n "$said" ]; then printf '%s\n' "$said" >&2; else docker compose logs --no-log-prefix --tail 10 bridge >&2; fi
  exit 1
fi
say "LearnBox $version runs. At its first start the admin's password shows once in: docker compose logs init"
