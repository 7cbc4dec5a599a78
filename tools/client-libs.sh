#!/usr/bin/env bash
# Browser libraries Summit serves itself (no CDN at the venue): fetched from npm at the versions in
# tools/client-libs.txt, checked by npm against the registry's integrity hash, and copied with their licences into
# src/Summit.Web/wwwroot/lib/. The copies are committed, so building Summit needs no npm; run this only to update a
# library: edit the version in client-libs.txt, run `bash tools/client-libs.sh`, commit wwwroot/lib and its SHA256SUMS.
# Usage: bash tools/client-libs.sh            (fetch and copy)
#        bash tools/client-libs.sh --check    (fetch again and compare with the committed copies; exit 1 on a difference)
set -euo pipefail
cd "$(dirname "$0")/.."
target=src/Summit.Web/wwwroot/lib
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out"
mkdir -p "$out"

while read -r package version folder files; do
  [[ -z "$package" || "$package" == \#* ]] && continue
  (cd "$work" && npm pack --silent "$package@$version" >/dev/null)
  tarball=$(ls "$work"/*.tgz)
  mkdir -p "$work/unpacked" "$out/$folder"
  tar xzf "$tarball" -C "$work/unpacked"
  for file in ${files//,/ }; do
    cp "$work/unpacked/package/$file" "$out/$folder/$(basename "$file")"
  done
  cp "$work/unpacked/package/LICENSE" "$out/$folder/LICENSE.$package"
  echo "$package $version" >> "$out/$folder/VERSIONS"
  rm -rf "$work/unpacked" "$tarball"
done < tools/client-libs.txt

# The reader was compiled from zxing-cpp (Apache-2.0), whose licence the npm package does not carry.
cp tools/licenses/zxing-cpp.Apache-2.0.txt "$out/barcode-detector/LICENSE.zxing-cpp"
# barcode-detector records the SHA-256 of the reader it was built for: the copied one must be that one.
wasm=$(sha256sum "$out/barcode-detector/zxing_reader.wasm" | cut -d' ' -f1)
grep -q "$wasm" "$out/barcode-detector/ponyfill.js" || { echo "zxing_reader.wasm ($wasm) is not the reader barcode-detector expects" >&2; exit 1; }

(cd "$out" && find . -type f ! -name SHA256SUMS -printf '%P\n' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
if [[ "${1:-}" == "--check" ]]; then
  diff -r "$out" "$target" && echo "wwwroot/lib matches npm."
else
  rm -rf "$target"
  cp -r "$out" "$target"
  echo "Copied into $target:"
  cat "$target/SHA256SUMS"
fi
