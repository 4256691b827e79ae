#!/usr/bin/env bash
# Puts `lifecycle` on PATH the .NET way, built from this repository: `dotnet pack` makes the tool
# packages in a temp folder (lifecycle, which points at lifecycle.<platform>, which holds the same
# self-contained, composite ReadyToRun executable as `dotnet publish`), then `dotnet tool install`
# installs it from there, or `dotnet tool update` replaces the one already installed.
#
# Usage: eng/install.sh                   global tool, in ~/.dotnet/tools (put that folder on PATH)
#        eng/install.sh --tool-path DIR   into DIR instead
#
# Each run packs a new version (0.1.0-dev.<UTC time>), so an update always takes the code as it is
# now, never a package NuGet cached under the same version.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
where=(--global)
case "${1:-}" in
  "") ;;
  --tool-path) [ -n "${2:-}" ] || { echo "usage: eng/install.sh [--tool-path DIR]" >&2; exit 2; }; where=(--tool-path "$2") ;;
  *) echo "usage: eng/install.sh [--tool-path DIR]" >&2; exit 2 ;;
esac

packages="$(mktemp -d)"
trap 'rm -rf "$packages"' EXIT
version="0.1.0-dev.$(date -u +%Y%m%d%H%M%S)"

echo "Packing lifecycle $version (self-contained, composite ReadyToRun; a few minutes)..."
dotnet pack "$root/src/Lifecycle.Server" -c Release -o "$packages" -p:Version="$version" -nologo -v q

# (A --tool-path folder that does not exist yet holds no tool: list says so on stderr.)
if dotnet tool list "${where[@]}" 2>/dev/null | awk 'NR > 2 { print $1 }' | grep -qx lifecycle; then
  dotnet tool update "${where[@]}" --add-source "$packages" --version "$version" lifecycle
else
  dotnet tool install "${where[@]}" --add-source "$packages" --version "$version" lifecycle
fi
