#!/bin/sh
# Vendor the front-end packages the portal serves itself (nothing is loaded from a CDN):
#
#   Det Fælles Designsystem (npm "dkfds")  -> static/vendor/dkfds/
#   htmx (npm "htmx.org")                  -> static/vendor/htmx/
#
# Only what the templates use is copied: the minified CSS and JS, every font and image that
# the CSS references through url(...) (whitenoise's manifest storage refuses to collect a
# stylesheet whose references are missing), the source maps that the minified files name (for
# the same reason), the SVG icon sprite that templates/includes/icon.html points to, and the
# licences. Copied files are byte-identical to the published packages. Safe to run again.
#
# Usage: sh scripts/vendor_frontend.sh   (or `make vendor-frontend`; needs npm and the registry)
set -eu

DKFDS_VERSION="11.2.0"
HTMX_VERSION="2.0.11"

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENDOR="$ROOT/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT INT TERM

echo "Fetching dkfds@$DKFDS_VERSION and htmx.org@$HTMX_VERSION from the npm registry"
(cd "$WORK" && npm pack --silent "dkfds@$DKFDS_VERSION" "htmx.org@$HTMX_VERSION" >/dev/null)
mkdir -p "$WORK/dkfds" "$WORK/htmx"
tar -xzf "$WORK/dkfds-$DKFDS_VERSION.tgz" -C "$WORK/dkfds" --strip-components=1
tar -xzf "$WORK/htmx.org-$HTMX_VERSION.tgz" -C "$WORK/htmx" --strip-components=1

# --- Det Fælles Designsystem -----------------------------------------------------------------
SRC="$WORK/dkfds/dist"
DEST="$VENDOR/dkfds"
rm -rf "$DEST"
mkdir -p "$DEST/css" "$DEST/js" "$DEST/img"

cp "$SRC/css/dkfds.min.css" "$SRC/css/dkfds.min.css.map" "$DEST/css/"
cp "$SRC/js/dkfds.min.js" "$SRC/js/dkfds.min.js.map" "$DEST/js/"
cp "$SRC/img/all-svg-icons.svg" "$DEST/img/"
cp "$WORK/dkfds/LICENSE.md" "$DEST/LICENSE.md"

# Every local url(...) in the stylesheet, without quotes, query string or fragment. The
# stylesheet lives in dist/css/, so "../x" is dist/x and a bare "x" is dist/css/x.
grep -o 'url([^)]*)' "$SRC/css/dkfds.min.css" \
    | sed -e 's/^url(["'\'' ]*//' -e 's/["'\'' ]*)$//' -e 's/[?#].*$//' \
    | grep -v -E '^(data:|https?:|//|#|$)' \
    | sed -e 's#^\./##' -e 's#^\.\./##;t' -e 's#^#css/#' \
    | sort -u > "$WORK/references.txt"

missing=0
while IFS= read -r rel; do
    if [ ! -f "$SRC/$rel" ]; then
        echo "dkfds.min.css references $rel, which the package does not contain" >&2
        missing=1
        continue
    fi
    mkdir -p "$DEST/$(dirname "$rel")"
    cp "$SRC/$rel" "$DEST/$rel"
done < "$WORK/references.txt"
[ "$missing" -eq 0 ] || exit 1

# The IBM Plex Sans licence (SIL OFL 1.1) travels with the font files.
for dir in "$DEST"/fonts/IBMPlexSans/complete/*/; do
    licence="$SRC/fonts/IBMPlexSans/complete/$(basename "$dir")/license.txt"
    if [ -f "$licence" ]; then
        cp "$licence" "$dir"
    fi
done

# --- htmx ------------------------------------------------------------------------------------
DEST="$VENDOR/htmx"
rm -rf "$DEST"
mkdir -p "$DEST"
cp "$WORK/htmx/dist/htmx.min.js" "$DEST/htmx.min.js"
cp "$WORK/htmx/LICENSE" "$DEST/LICENSE"

cat > "$VENDOR/VERSIONS.txt" <<EOF
# Written by scripts/vendor_frontend.sh; change the versions there and run it again.
dkfds $DKFDS_VERSION
htmx.org $HTMX_VERSION
EOF

echo "Vendored dkfds $DKFDS_VERSION ($(wc -l < "$WORK/references.txt") files referenced by its stylesheet) and htmx $HTMX_VERSION"
