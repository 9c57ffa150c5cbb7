# Shared by Podium's pre-receive and post-receive hooks (sourced, never run); see docs/deploy.md.
# Each setting is an environment variable, else `git config podium.<name>` of the bare repository.

podium_setting() { git config --get "podium.$1" 2>/dev/null || printf '%s\n' "$2"; }

PODIUM_DATA=${PODIUM_DATA:-$(podium_setting data data)}
PODIUM_BRANCH=${PODIUM_BRANCH:-$(podium_setting branch main)}
PODIUM_NODE=${PODIUM_NODE:-$(podium_setting node node)}
PUBLISHED_REF=refs/heads/$PODIUM_BRANCH

podium() { "$PODIUM_NODE" "$PODIUM_HOME/scripts/podium.mjs" "$@"; }

# The commit a push sets the published branch to, from the hook's "old new ref" lines on stdin;
# nothing when the push leaves that branch alone or deletes it (a new id of only zeros).
published_update() {
  while read -r _old new ref; do
    if [ "$ref" = "$PUBLISHED_REF" ]; then
      case $new in *[!0]*) printf '%s\n' "$new" ;; esac
    fi
  done
}

# A fresh folder holding the files of commit $1, removed when the hook exits. The files come from
# git's objects, never from a working tree, so no file can be read while someone is still saving
# it or while Excel holds it locked: a commit is complete or it does not exist.
export_commit() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/podium-hook.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  trap 'exit 130' HUP INT TERM
  git archive --format=tar "$1" | tar -x -C "$work"
}
