#!/usr/bin/env bash
# Deploys one overlay with a given image: the migration Job first (and waits for it), then the rest.
#   scripts/deploy-k8s.sh <staging|production> <image>      (kubectl must point at the cluster)
#   scripts/deploy-k8s.sh <staging|production> <image> --render   (prints the manifests, no cluster)
set -euo pipefail
cd "$(dirname "$0")/.."

environment="${1:?usage: deploy-k8s.sh <staging|production> <image> [--render]}"
image="${2:?usage: deploy-k8s.sh <staging|production> <image> [--render]}"
overlay="docker/k8s/overlays/${environment}"
[ -f "${overlay}/kustomization.yaml" ] || { echo "no overlay ${overlay}" >&2; exit 2; }

# A throw-away kustomization on top of the overlay that pins the image.
release="$(mktemp -d docker/k8s/.release-XXXXXX)"
trap 'rm -rf "${release}"' EXIT
cat > "${release}/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../overlays/${environment}
images:
  - name: ghcr.io/fluentpro/fluentpro-backend
    newName: ${image%:*}
    newTag: ${image##*:}
YAML

if [ "${3:-}" = "--render" ]; then
  kubectl kustomize "${release}"
  exit 0
fi

namespace="$(kubectl kustomize "${release}" | sed -n 's/^  namespace: //p' | head -n1)"
echo "== ${environment}: ${image} into namespace ${namespace}"
kubectl get secret fluentpro-secrets -n "${namespace}" > /dev/null

echo "== migrations"
kubectl delete job fluentpro-migrate -n "${namespace}" --ignore-not-found --wait=true
kubectl apply -k "${release}" -l app.kubernetes.io/component=migration
if ! kubectl wait job/fluentpro-migrate -n "${namespace}" --for=condition=complete --timeout=600s; then
  kubectl logs job/fluentpro-migrate -n "${namespace}" --tail=100 || true
  exit 1
fi

echo "== roll out"
kubectl apply -k "${release}"
kubectl rollout status deployment/fluentpro-api -n "${namespace}" --timeout=600s
kubectl rollout status deployment/fluentpro-worker -n "${namespace}" --timeout=600s
