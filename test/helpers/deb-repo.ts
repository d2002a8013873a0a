// Shell functions that make a flat APT repository inside a test container, so apt operations run against
// packages built there and never reach a Debian mirror (tests address 127.0.0.0/8 only).
//   mk REPO NAME VERSION [DEPENDS] [SCRIPT]: build a package into REPO (SCRIPT: a /usr/local/bin/NAME body)
//   index REPO: write REPO/Packages
//   noMirrors: drop the image's sources and lists, so apt knows only the repositories a test adds
//   age: make the package lists two days old (as if time had passed)
export const debRepoTools = `set -e
mk() {
  d=/build/$2_$3; mkdir -p "$d/DEBIAN" "$d/usr/share/ia-test" "$1"
  { printf 'Package: %s\\nVersion: %s\\nArchitecture: all\\nMaintainer: infra-action tests <tests@example.invalid>\\n' "$2" "$3"
    if [ -n "$4" ]; then printf 'Depends: %s\\n' "$4"; fi
    printf 'Description: infra-action test package\\n'; } > "$d/DEBIAN/control"
  echo "$2 $3" > "$d/usr/share/ia-test/$2"
  if [ -n "$5" ]; then mkdir -p "$d/usr/local/bin"; printf '#!/bin/sh\\n%s\\n' "$5" > "$d/usr/local/bin/$2"; chmod 755 "$d/usr/local/bin/$2"; fi
  dpkg-deb --build "$d" "$1/" >/dev/null
}
index() {
  (cd "$1"
  for f in *.deb; do
    dpkg-deb -f "$f"
    printf 'Filename: ./%s\\nSize: %s\\nSHA256: %s\\n\\n' "$f" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -d' ' -f1)"
  done > Packages)
}
noMirrors() { rm -f /etc/apt/sources.list /etc/apt/sources.list.d/*; rm -rf /var/lib/apt/lists/*; }
age() { touch -d '2 days ago' /var/lib/apt/lists; rm -f /var/lib/apt/periodic/update-success-stamp; }
`;
