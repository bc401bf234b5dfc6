#!/usr/bin/env bash
# Packs the harness packages and the dotnet new template into artifacts/packages (a local folder feed):
#   dotnet new install artifacts/packages/PerfTests.Templates.<version>.nupkg
#   dotnet new perftests ...; restore with artifacts/packages as a package source.
# Builds in Release first unless --no-build. Cached copies of earlier packs of the same version are
# removed from the NuGet cache, so a restore gets what was packed now.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/packages
build=true
[[ ${1:-} == --no-build ]] && build=false

$build && dotnet build PerfTests.slnx -c Release -v quiet -nologo
rm -rf "$out" && mkdir -p "$out"
for project in harness/*/*.csproj templates/PerfTests.Templates.csproj; do
  dotnet pack "$project" -c Release --no-build -o "$out" -v quiet -nologo
done

cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
for package in "$out"/*.nupkg; do
  id=$(basename "$package" .nupkg | sed -E 's/\.[0-9]+\.[0-9]+\.[0-9]+(-[A-Za-z0-9.]+)?$//' | tr '[:upper:]' '[:lower:]')
  rm -rf "${cache:?}/$id"
done
echo "packed into $out:" && ls "$out"
