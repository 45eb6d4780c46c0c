#!/usr/bin/env python3
"""Cluster-formation bootstrap for Redis Enterprise Software running as a plain StatefulSet (no operator).

Runs as a sidecar in every Redis Enterprise pod and talks to the local node's REST API
(https://localhost:9443, shared pod network). Python standard library only (python:3.12-slim).

Commands
  bootstrap.py run [--once]  Create or join the cluster, turn maintenance mode off if the node's last pod left it
                             on (see drain), then keep running: every MONITOR_SECONDS re-check membership (logging
                             changes) and bootstrap again when the Redis Enterprise container restarted without its
                             node being a member any more (see Restarts). --once exits 0 right after the first
                             bootstrap instead.
                             Exit 1: TIMEOUT_SECONDS passed without success (the kubelet restarts the sidecar).
                             Exit 2: configuration error (missing env var, unreadable credentials).
  bootstrap.py ready         readinessProbe: exit 0 iff this pod's node is an active cluster member and not in
                             maintenance mode, 1 otherwise. Finishes within READY_BUDGET_SECONDS (4 s).
  bootstrap.py drain         preStop hook: move the primary shards and endpoints off this node before it stops
                             (maintenance mode, below), within DRAIN_TIMEOUT_SECONDS, then write the file
                             LIFECYCLE_DIR/drained, which the Redis Enterprise container's own preStop hook waits for.
                             Exit 0: drained, or nothing to drain; 1: maintenance mode could not be turned on in time
                             (the kubelet records a FailedPreStopHook event; the node stops anyway).

Environment (defaults in brackets)
  POD_NAME, POD_NAMESPACE, POD_IP, NODE_NAME      downward API; the ordinal is POD_NAME's numeric suffix
  STATEFULSET_NAME, HEADLESS_SERVICE              peers are <STATEFULSET_NAME>-<n>.<HEADLESS_SERVICE>
  CLUSTER_FQDN                                    Redis Enterprise cluster name (create_cluster only)
  RACK_AWARE [false]                              true: rack_id = node's topology.kubernetes.io/zone label
  CREDENTIALS_DIR [/etc/redis-enterprise/credentials]   files `username` and `password`
  LICENSE_FILE [/etc/redis-enterprise/license/license]  optional; absent or empty = trial license
  RE_API_URL [https://localhost:9443]             local node REST API (TLS not verified: self-signed)
  K8S_API_URL [https://kubernetes.default.svc]    verified with SERVICE_ACCOUNT_DIR/ca.crt; http:// allowed
  SERVICE_ACCOUNT_DIR [/var/run/secrets/kubernetes.io/serviceaccount]  `token`, `ca.crt`
  LIFECYCLE_DIR [/var/run/redis-enterprise-lifecycle]  a directory both containers share (emptyDir): drain
                                                  writes `draining` while it runs and `drained` when it is done
  RETRY_SECONDS [5]  TIMEOUT_SECONDS [900]  MONITOR_SECONDS [10]  DRAIN_TIMEOUT_SECONDS [600]  (fractions allowed)
  TIMEOUT_SECONDS bounds the whole bootstrap phase of `run` (waiting for the API, the rack lookup, peers and
  the create/join itself, and leaving maintenance mode) from process start, and again each bootstrap after a
  restart.

Peer addressing (also the test seam)
  PEER_API_URL_TEMPLATE [https://{ip}:9443]  how to reach a peer's REST API. Placeholders: {ip} (resolved
      address, bracketed if IPv6), {host} (peer DNS name), {ordinal}. Tests point it at a stand-in server,
      e.g. http://127.0.0.1:PORT/node-{ordinal}.
  PEER_RESOLVE_OVERRIDE [unset]  TEST ONLY. Comma-separated host=ip pairs, like curl --resolve. When set
      (even empty) it REPLACES DNS for peer names: listed names resolve to the given IP, every other name is
      unresolvable. Unset in production, where socket.gethostbyname is used. The resolved IPs are what goes
      into join_cluster's cluster.nodes (the API wants IP addresses, not names).

Maintenance mode (documented REST API: redis.io/docs/latest/operate/rs/clusters/maintenance-mode/ and
.../references/rest-api/requests/nodes/actions/, .../nodes/status/)
  drain: GET /v1/nodes/<uid>/status; when it carries no `maintenance_snapshot` (activations stack, so never twice),
  POST /v1/nodes/<uid>/actions/maintenance_on {"evict_ha_replica": false, "evict_active_active_replica": false}
  (Redis Software 7.4.2+: keep the replica shards in place but demote the primaries, so the restart moves no data),
  then poll GET /v1/nodes/<uid>/actions/maintenance_on until completed / failed / cancelled (409 on the POST: one
  is already running, follow it). The cluster refuses it when the node's shutdown would lose the quorum.
  run: when the node is a member and its status carries a `maintenance_snapshot`, POST .../maintenance_off {}
  (restores the node's shards and endpoints from the snapshot) and poll it likewise, until no snapshot is left.
  Readiness is false while a snapshot exists, so a rolling update waits until the node has left maintenance mode.
  A node put into maintenance mode by hand leaves it when its pod starts again.

Restarts (the Redis Enterprise container restarts, the sidecar keeps running)
  The monitor treats a local REST API that stops answering (no answer or HTTP 5xx) as a restart of the Redis
  Enterprise container: the kubelet's restart back-off (10 s at least) and Redis Enterprise's own start take longer
  than MONITOR_SECONDS. When the API answers again: `completed` -> the node kept its membership (its volume);
  anything else -> run the create-or-join decision again, then leave maintenance mode. A node that stops being a
  member while the API kept answering was removed on purpose (rladmin node remove, before a scale-down): it is
  not joined again.

Create-or-join decision (idempotent; evaluated again on every attempt)
  1. Local GET /v1/bootstrap: `completed` -> already a member (restart with its volume): nothing to do.
     A state in progress (initiated/creating_cluster/joining_cluster/recovering_cluster) -> just poll it.
  2. Otherwise (`idle` = fresh node or fresh empty volume, or `error` of an earlier attempt) scan the peers:
     ordinals 0..MAX_PEER_ORDINAL except our own, stopping after PEER_SCAN_MISSES consecutive names that do
     not resolve (a pod that does not exist has no DNS record; a gap of one or two missing pods is tolerated).
     Each resolvable peer is classified with an authenticated GET <peer>/v1/bootstrap:
       member      state completed (and GET /v1/cluster names CLUSTER_FQDN, when it answers), or 401 even
                   without credentials (the docs: authentication is required once a node is in a cluster)
       not member  state idle or error
       unknown     no answer, 5xx, or a bootstrap in progress
       foreign     member of a cluster with a different name: never joined, and it blocks creation
  3. Any member -> join_cluster with cluster.nodes = the members' IPs in ordinal order (pod-0 first).
     This is also what pod-0 does when it comes back with a FRESH volume while the others still form the
     cluster: it joins (and replaces its dead identity, below) instead of creating a second cluster.
  4. No member, and we are pod-0 -> create_cluster, but only when every resolvable peer is definitely
     `not member`. An unknown or foreign peer blocks creation (wait and retry): a split brain is worse
     than a stuck rollout, and the timeout restarts the sidecar with a clear log line.
  5. No member, other ordinal -> wait for pod-0 to create the cluster.
  Replacement: a join that ends in `error` / `repair_required` (the cluster has a dead node and accepts only
  a replacement) is retried with node.identity.uid = error_details.replace_candidate (else the first
  failed_nodes uid), plus override_rack_id=true when that failed node's rack_id differs from ours.
"""

import base64
import json
import os
import re
import signal
import socket
import ssl
import sys
import time
import http.client
import urllib.error
import urllib.parse
import urllib.request

PERSISTENT_PATH = "/var/opt/redislabs/persist"
EPHEMERAL_PATH = "/var/opt/redislabs/tmp"
ZONE_LABELS = ("topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone")
MAX_PEER_ORDINAL = 50
PEER_SCAN_MISSES = 3
PROBE_TIMEOUT_SECONDS = 3.0
REQUEST_TIMEOUT_SECONDS = 10.0
READY_BUDGET_SECONDS = 4.0
HEARTBEAT_SECONDS = 600.0
REPEAT_SECONDS = 60.0
IN_PROGRESS_STATES = ("initiated", "creating_cluster", "joining_cluster", "recovering_cluster")
ACTION_ENDED = ("completed", "failed", "cancelled")  # the action object's final states
# Keep the replica shards where they are and demote the primaries (Redis Software 7.4.2+ spelling; the older
# keep_slave_shards is deprecated): a pod restart then moves no data, only the primary role and the endpoints.
MAINTENANCE_ON_BODY = {"evict_ha_replica": False, "evict_active_active_replica": False}
DRAINING_FILE = "draining"
DRAINED_FILE = "drained"

MEMBER, NOT_MEMBER, UNKNOWN, FOREIGN = "member", "not-member", "unknown", "foreign"

_secrets = []  # values that must never reach the log (password and its Basic-auth encoding)


# ---------------------------------------------------------------------------------------------- logging

def scrub(text):
    text = str(text)
    for secret in _secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def log(message):
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    print(f"{stamp} bootstrap: {scrub(message)}", flush=True)


_notes = {}  # topic -> (last message, monotonic time it was logged)


def note(topic, message):
    """log() for retry loops: repeats a topic's message only when it changes or REPEAT_SECONDS have passed."""
    last = _notes.get(topic)
    now = time.monotonic()
    if last is None or last[0] != message or now - last[1] >= REPEAT_SECONDS:
        _notes[topic] = (message, now)
        log(message)


class ConfigError(Exception):
    pass


class TimedOut(Exception):
    pass


# ---------------------------------------------------------------------------------------------- config

def env(name, default=None):
    value = os.environ.get(name)
    return default if value is None or value.strip() == "" else value.strip()


def env_seconds(name, default):
    raw = env(name, str(default))
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number of seconds, got {raw!r}")
    if value < 0:
        raise ConfigError(f"{name} must not be negative")
    return value


def parse_resolve_override(raw):
    """PEER_RESOLVE_OVERRIDE ("host=ip,host=ip") -> dict, or None when unset (use DNS)."""
    if raw is None:
        return None
    table = {}
    for pair in raw.split(","):
        if pair.strip():
            host, sep, ip = pair.partition("=")
            if not sep or not host.strip() or not ip.strip():
                raise ConfigError(f"PEER_RESOLVE_OVERRIDE entry {pair!r} is not host=ip")
            table[host.strip().lower().rstrip(".")] = ip.strip()
    return table


class Config:
    def __init__(self):
        self.pod_name = env("POD_NAME", "")
        self.namespace = env("POD_NAMESPACE", "")
        self.pod_ip = env("POD_IP", "")
        self.node_name = env("NODE_NAME", "")
        self.statefulset = env("STATEFULSET_NAME", "")
        self.headless_service = env("HEADLESS_SERVICE", "").rstrip(".")
        self.cluster_fqdn = env("CLUSTER_FQDN", "")
        self.rack_aware = env("RACK_AWARE", "false").lower() in ("true", "1", "yes")
        self.credentials_dir = env("CREDENTIALS_DIR", "/etc/redis-enterprise/credentials")
        self.license_file = env("LICENSE_FILE", "/etc/redis-enterprise/license/license")
        self.re_api_url = env("RE_API_URL", "https://localhost:9443").rstrip("/")
        self.k8s_api_url = env("K8S_API_URL", "https://kubernetes.default.svc").rstrip("/")
        self.service_account_dir = env("SERVICE_ACCOUNT_DIR", "/var/run/secrets/kubernetes.io/serviceaccount")
        self.retry_seconds = env_seconds("RETRY_SECONDS", 5)
        self.timeout_seconds = env_seconds("TIMEOUT_SECONDS", 900)
        self.monitor_seconds = env_seconds("MONITOR_SECONDS", 10)
        self.drain_timeout_seconds = env_seconds("DRAIN_TIMEOUT_SECONDS", 600)
        self.lifecycle_dir = env("LIFECYCLE_DIR", "/var/run/redis-enterprise-lifecycle")
        self.peer_url_template = env("PEER_API_URL_TEMPLATE", "https://{ip}:9443")
        self.resolve_override = parse_resolve_override(os.environ.get("PEER_RESOLVE_OVERRIDE"))
        self.ordinal = None

    def validate_for_run(self):
        required = {"POD_NAME": self.pod_name, "POD_IP": self.pod_ip, "STATEFULSET_NAME": self.statefulset,
                    "HEADLESS_SERVICE": self.headless_service, "CLUSTER_FQDN": self.cluster_fqdn}
        if self.rack_aware:
            required["NODE_NAME"] = self.node_name
        missing = [name for name, value in required.items() if not value]
        if missing:
            raise ConfigError("missing environment: " + ", ".join(missing))
        match = re.fullmatch(re.escape(self.statefulset) + r"-(\d+)", self.pod_name)
        if not match:
            raise ConfigError(f"POD_NAME {self.pod_name!r} is not <STATEFULSET_NAME>-<ordinal>")
        self.ordinal = int(match.group(1))


def read_credentials(cfg):
    """Returns (username, password) from the mounted Secret; registers the password for scrubbing."""
    values = []
    for name in ("username", "password"):
        path = os.path.join(cfg.credentials_dir, name)
        try:
            with open(path, encoding="utf-8") as handle:
                values.append(handle.read().rstrip("\r\n"))
        except OSError as error:
            raise ConfigError(f"cannot read credential file {path}: {error.strerror}")
    username, password = values
    if not username or not password:
        raise ConfigError(f"empty username or password in {cfg.credentials_dir}")
    if any(ch in username for ch in '&<>"'):
        raise ConfigError('the username must not contain & < > or "')
    _secrets.append(password)
    _secrets.append(base64.b64encode(f"{username}:{password}".encode()).decode())
    return username, password


def read_license(cfg):
    try:
        with open(cfg.license_file, encoding="utf-8") as handle:
            text = handle.read().strip()
    except OSError:
        return None
    return text or None


# ---------------------------------------------------------------------------------------------- HTTP

class Response:
    def __init__(self, status, body=None, error=""):
        self.status = status  # None: no HTTP answer at all (refused, DNS, timeout, TLS)
        self.body = body      # parsed JSON, or the raw text when it is not JSON
        self.error = error

    def describe(self):
        if self.status is None:
            return f"no answer ({self.error})"
        detail = ""
        if isinstance(self.body, dict):
            detail = self.body.get("description") or self.body.get("message") or self.body.get("error_code") or ""
        elif isinstance(self.body, str):
            detail = self.body.strip()[:200]
        return f"HTTP {self.status}" + (f" ({detail})" if detail else "")


def unverified_tls():
    """The local Redis Enterprise API (and peers' APIs) present a self-signed certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def http_request(method, url, body=None, headers=None, timeout=REQUEST_TIMEOUT_SECONDS, context=None):
    data = json.dumps(body).encode("utf-8") if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    # No proxies: every target is localhost, a pod IP or the in-cluster API server.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                         urllib.request.HTTPSHandler(context=context))
    try:
        with opener.open(request, timeout=max(timeout, 0.1)) as answer:
            status, raw = answer.status, answer.read()
    except urllib.error.HTTPError as error:
        status = error.code
        try:
            raw = error.read()
        except (OSError, http.client.HTTPException):
            raw = b""
    except urllib.error.URLError as error:
        return Response(None, error=str(error.reason))
    except (OSError, http.client.HTTPException, ValueError) as error:
        return Response(None, error=f"{type(error).__name__}: {error}")
    text = raw.decode("utf-8", "replace")
    try:
        parsed = json.loads(text) if text.strip() else None
    except ValueError:
        parsed = text
    return Response(status, parsed)


class ReClient:
    """A Redis Enterprise REST API endpoint (the local node or a peer)."""

    def __init__(self, base_url, credentials, timeout=REQUEST_TIMEOUT_SECONDS, deadline=None):
        self.base_url = base_url.rstrip("/")
        username, password = credentials
        self.auth = "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()
        self.timeout = timeout
        self.deadline = deadline  # optional monotonic deadline capping every call (readiness probe)
        self.context = unverified_tls()

    def _timeout(self):
        if self.deadline is None:
            return self.timeout
        return min(self.timeout, self.deadline - time.monotonic())

    def call(self, method, path, body=None, authenticated=True):
        headers = {"Authorization": self.auth} if authenticated else {}
        return http_request(method, self.base_url + path, body, headers, self._timeout(), self.context)

    def get_bootstrap(self):
        """GET /v1/bootstrap. Sent with credentials (the 2019 operator's probe did the same before and after
        bootstrap); if a node that is not yet a member rejects them, ask again without."""
        answer = self.call("GET", "/v1/bootstrap")
        if answer.status == 401:
            anonymous = self.call("GET", "/v1/bootstrap", authenticated=False)
            if anonymous.status == 200:
                return anonymous
        return answer

    def post_bootstrap(self, action, body):
        # Before bootstrap the node has no users yet; the docs' examples carry no credentials.
        return self.call("POST", f"/v1/bootstrap/{action}", body, authenticated=False)


def bootstrap_status(answer):
    """(state, bootstrap_status dict, local_node_info dict) from a GET /v1/bootstrap answer."""
    body = answer.body if isinstance(answer.body, dict) else {}
    status = body.get("bootstrap_status") if isinstance(body.get("bootstrap_status"), dict) else {}
    info = body.get("local_node_info") if isinstance(body.get("local_node_info"), dict) else {}
    return status.get("state"), status, info


def error_summary(status):
    details = status.get("error_details") if isinstance(status.get("error_details"), dict) else {}
    message = details.get("message") or details.get("description") or ""
    return f"{status.get('error_code') or 'unknown error'}" + (f": {message}" if message else "")


# ---------------------------------------------------------------------------------------------- timing

def pause(cfg, deadline, waiting_for):
    """Sleep RETRY_SECONDS, or raise TimedOut when that would pass the deadline."""
    if time.monotonic() + cfg.retry_seconds > deadline:
        raise TimedOut(waiting_for)
    time.sleep(cfg.retry_seconds)


# ---------------------------------------------------------------------------------------------- rack id

def sanitize_rack_id(zone):
    """A zone label -> a valid Redis Enterprise rack_id: starts with a letter, letters/digits/'-', ends with a
    letter or digit, at most 63 characters. Numeric zones (Azure's '1') become 'zone-1'."""
    if zone is None:
        return None
    text = re.sub(r"[^A-Za-z0-9-]+", "-", str(zone).strip())
    text = re.sub(r"-{2,}", "-", text).strip("-")
    if not text:
        return None
    if not ("a" <= text[0].lower() <= "z"):
        text = "zone-" + text
    return text[:63].rstrip("-")


def read_node_zone(cfg):
    """(zone, None) or (None, reason) from GET {K8S_API_URL}/api/v1/nodes/{NODE_NAME} (needs `get nodes`)."""
    token_path = os.path.join(cfg.service_account_dir, "token")
    try:
        with open(token_path, encoding="utf-8") as handle:
            token = handle.read().strip()
    except OSError as error:
        return None, f"cannot read service-account token {token_path}: {error.strerror}"
    context = None
    if cfg.k8s_api_url.startswith("https://"):
        ca_path = os.path.join(cfg.service_account_dir, "ca.crt")
        try:
            context = ssl.create_default_context(cafile=ca_path)
        except (OSError, ssl.SSLError) as error:
            return None, f"cannot load {ca_path}: {error}"
    url = f"{cfg.k8s_api_url}/api/v1/nodes/{urllib.parse.quote(cfg.node_name)}"
    answer = http_request("GET", url, headers={"Authorization": f"Bearer {token}"}, context=context)
    if answer.status != 200 or not isinstance(answer.body, dict):
        return None, f"GET /api/v1/nodes/{cfg.node_name}: {answer.describe()}"
    labels = (answer.body.get("metadata") or {}).get("labels") or {}
    for label in ZONE_LABELS:
        if labels.get(label):
            return labels[label], None
    return None, f"node {cfg.node_name} has no {ZONE_LABELS[0]} label"


def wait_for_rack_id(cfg, deadline):
    while True:
        zone, problem = read_node_zone(cfg)
        rack_id = sanitize_rack_id(zone)
        if rack_id:
            log(f"rack_id {rack_id} (zone label {zone!r} of node {cfg.node_name})")
            return rack_id
        note("rack", f"rack awareness on but no rack id yet: {problem or f'zone {zone!r} is unusable'}; retrying")
        pause(cfg, deadline, f"the zone label of node {cfg.node_name}")


# ---------------------------------------------------------------------------------------------- peers

def peer_host(cfg, ordinal):
    return f"{cfg.statefulset}-{ordinal}.{cfg.headless_service}"


def resolve(cfg, host):
    if cfg.resolve_override is not None:
        return cfg.resolve_override.get(host.lower())
    try:
        return socket.gethostbyname(host)
    except (OSError, UnicodeError):
        return None


def peer_url(cfg, peer):
    ip = f"[{peer['ip']}]" if ":" in peer["ip"] else peer["ip"]
    return (cfg.peer_url_template.replace("{ip}", ip).replace("{host}", peer["host"])
            .replace("{ordinal}", str(peer["ordinal"])))


def find_peers(cfg):
    """The other pods whose DNS name resolves: [{ordinal, host, ip}] in ordinal order."""
    peers, misses = [], 0
    for ordinal in range(0, MAX_PEER_ORDINAL + 1):
        if ordinal == cfg.ordinal:
            misses = 0
            continue
        host = peer_host(cfg, ordinal)
        ip = resolve(cfg, host)
        if ip is None:
            misses += 1
            if misses >= PEER_SCAN_MISSES:
                break
            continue
        misses = 0
        peers.append({"ordinal": ordinal, "host": host, "ip": ip})
    return peers


def classify_peer(cfg, credentials, peer):
    client = ReClient(peer_url(cfg, peer), credentials, timeout=PROBE_TIMEOUT_SECONDS)
    answer = client.get_bootstrap()
    if answer.status == 401:
        return MEMBER, "requires authentication (a cluster member; our credentials were rejected)"
    if answer.status != 200:
        return UNKNOWN, answer.describe()
    state, _, _ = bootstrap_status(answer)
    if state in ("idle", "error"):
        return NOT_MEMBER, f"state {state}"
    if state != "completed":
        return UNKNOWN, f"state {state}"
    cluster = client.call("GET", "/v1/cluster")
    name = cluster.body.get("name") if cluster.status == 200 and isinstance(cluster.body, dict) else None
    if name and name.lower().rstrip(".") != cfg.cluster_fqdn.lower().rstrip("."):
        return FOREIGN, f"member of another cluster {name!r}"
    return MEMBER, "cluster member"


def plan(cfg, credentials):
    """('join', [member IPs]) | ('create', None) | ('wait', reason)."""
    peers = find_peers(cfg)
    verdicts = []
    for peer in peers:
        verdict, detail = classify_peer(cfg, credentials, peer)
        peer["verdict"] = verdict
        verdicts.append(f"{cfg.statefulset}-{peer['ordinal']}={verdict}")
        if verdict in (UNKNOWN, FOREIGN) or detail.startswith("requires authentication"):
            note(f"peer-{peer['ordinal']}", f"peer {peer['host']} ({peer['ip']}): {detail}")
    note("peers", "peers: " + (", ".join(verdicts) if verdicts else "none resolvable"))
    members = [peer["ip"] for peer in peers if peer["verdict"] == MEMBER]
    if members:
        return "join", members
    if cfg.ordinal != 0:
        return "wait", "no cluster member reachable yet (pod-0 creates the cluster)"
    blocking = [peer["host"] for peer in peers if peer["verdict"] in (UNKNOWN, FOREIGN)]
    if blocking:
        return "wait", "not creating a cluster while these peers might belong to one: " + ", ".join(blocking)
    return "create", None


# ---------------------------------------------------------------------------------------------- bodies

def node_section(cfg, rack_id, replace=None):
    identity = {"name": cfg.pod_name, "addr": cfg.pod_ip}
    if rack_id:
        identity["rack_id"] = rack_id
    if replace:
        identity["uid"] = replace["uid"]
        if replace.get("override_rack_id"):
            identity["override_rack_id"] = True
    return {"paths": {"persistent_path": PERSISTENT_PATH, "ephemeral_path": EPHEMERAL_PATH},
            "identity": identity}


def create_body(cfg, credentials, rack_id, license_text):
    body = {"action": "create_cluster",
            "cluster": {"name": cfg.cluster_fqdn},
            "node": node_section(cfg, rack_id),
            "credentials": {"username": credentials[0], "password": credentials[1]},
            "policy": {"rack_aware": cfg.rack_aware}}
    if license_text:
        body["license"] = license_text
    return body


def join_body(cfg, credentials, rack_id, member_ips, replace):
    return {"action": "join_cluster",
            "cluster": {"nodes": member_ips},
            "node": node_section(cfg, rack_id, replace),
            "credentials": {"username": credentials[0], "password": credentials[1]}}


def replacement_for(status, rack_id):
    """From a repair_required error: {'uid': <dead node uid>, 'override_rack_id': bool}, or None."""
    details = status.get("error_details") if isinstance(status.get("error_details"), dict) else {}
    failed = [node for node in details.get("failed_nodes") or [] if isinstance(node, dict)]
    uid = details.get("replace_candidate")
    if uid is None and failed:
        uid = failed[0].get("uid")
    if uid is None:
        return None
    if isinstance(uid, str) and uid.isdigit():
        uid = int(uid)  # node uids are integers in the node object
    old_rack = next((node.get("rack_id") for node in failed if str(node.get("uid")) == str(uid)), None)
    override = bool(rack_id and old_rack and str(old_rack).lower() != rack_id.lower())
    return {"uid": uid, "override_rack_id": override, "old_rack_id": old_rack}


# ---------------------------------------------------------------------------------------------- bootstrap

def wait_for_local_api(cfg, client, deadline):
    while True:
        answer = client.get_bootstrap()
        state, status, _ = bootstrap_status(answer)
        if answer.status == 200 and state:
            note("local", f"local REST API answers: bootstrap state {state}")
            return state, status
        note("local", f"waiting for the local REST API ({client.base_url}): {answer.describe()}")
        pause(cfg, deadline, f"the local Redis Enterprise REST API at {client.base_url}")


def poll_until_settled(cfg, client, deadline):
    """Poll GET /v1/bootstrap until completed or error: ('completed'|'error', bootstrap_status)."""
    last, idle_polls = None, 0
    while True:
        pause(cfg, deadline, "the bootstrap to finish")
        answer = client.get_bootstrap()
        state, status, _ = bootstrap_status(answer)
        if answer.status != 200 or not state:
            if last != answer.describe():
                log(f"bootstrap status unavailable: {answer.describe()}")
            last = answer.describe()
            continue
        if state != last:
            log(f"bootstrap state {state}")
        last = state
        if state in ("completed", "error"):
            return state, status
        idle_polls = idle_polls + 1 if state == "idle" else 0
        if idle_polls >= 3:  # accepted (or 409) but nothing started: start over
            return "error", {"error_code": "not_started"}


def post_and_wait(cfg, client, action, body, deadline):
    answer = client.post_bootstrap(action, body)
    if answer.status == 200:
        log(f"POST /v1/bootstrap/{action} accepted")
    elif answer.status == 409:
        log(f"POST /v1/bootstrap/{action}: a bootstrap is already in progress; polling")
    else:
        log(f"POST /v1/bootstrap/{action} rejected: {answer.describe()}")
        return "rejected", {}
    return poll_until_settled(cfg, client, deadline)


def form_or_join(cfg, client, credentials, deadline):
    rack_id, rack_known = None, not cfg.rack_aware
    license_text = read_license(cfg)
    replace, attempts = None, 0
    while True:
        state, status = wait_for_local_api(cfg, client, deadline)
        if state == "completed":
            log("bootstrap completed" if attempts else
                "already a cluster member (restart with its volume): nothing to do")
            return
        attempts += 1
        if state in IN_PROGRESS_STATES:
            log(f"a bootstrap is already in progress ({state}); polling")
            outcome, status = poll_until_settled(cfg, client, deadline)
        else:
            if not rack_known:
                rack_id, rack_known = wait_for_rack_id(cfg, deadline), True
            if state == "error" and status.get("error_code") == "repair_required" and replace is None:
                replace = replacement_for(status, rack_id)  # left over from an earlier attempt
            action, members = plan(cfg, credentials)
            if action == "wait":
                note("plan", members)
                wanted = ("an existing cluster member, or every peer known to be outside any cluster"
                          if cfg.ordinal == 0 else "a cluster member to join through")
                pause(cfg, deadline, f"{wanted} (last: {members})")
                continue
            if action == "create":
                log(f"creating cluster {cfg.cluster_fqdn} (rack_aware={str(cfg.rack_aware).lower()}, "
                    f"rack_id={rack_id or '-'}, license={'provided' if license_text else 'trial'})")
                body = create_body(cfg, credentials, rack_id, license_text)
                outcome, status = post_and_wait(cfg, client, "create_cluster", body, deadline)
            else:
                suffix = f", replacing node uid {replace['uid']}" if replace else ""
                log(f"joining through {', '.join(members)} (rack_id={rack_id or '-'}{suffix})")
                body = join_body(cfg, credentials, rack_id, members, replace)
                outcome, status = post_and_wait(cfg, client, "join_cluster", body, deadline)
        if outcome == "completed":
            log("bootstrap completed")
            return
        if outcome == "error":
            log(f"bootstrap failed: {error_summary(status)}")
            code = status.get("error_code")
            if code == "repair_required":
                candidate = replacement_for(status, rack_id)
                if candidate and (replace is None or candidate["uid"] != replace["uid"]):
                    replace = candidate
                    log(f"the cluster needs a replacement node: taking over uid {replace['uid']}"
                        + (f" (its rack {replace['old_rack_id']} -> {rack_id}, override_rack_id)"
                           if replace["override_rack_id"] else ""))
                    continue
            elif code == "rack_id_required" and not rack_id:
                log("the cluster is rack-aware but RACK_AWARE is false here: no rack_id to send")
        pause(cfg, deadline, "a successful bootstrap")


# ---------------------------------------------------------------------------------------------- membership

def local_node(cfg, client):
    """(uid, node object, None) for this pod's node when it is bootstrapped, else (None, None, reason).

    The local uid comes from local_node_info.uid of GET /v1/bootstrap (documented), or, if absent, from
    GET /v1/nodes matched by addr == POD_IP; the node object from GET /v1/nodes/<uid>.
    """
    answer = client.get_bootstrap()
    state, _, info = bootstrap_status(answer)
    if answer.status != 200:
        return None, None, f"GET /v1/bootstrap: {answer.describe()}"
    if state != "completed":
        return None, None, f"bootstrap state is {state}"
    uid = info.get("uid")
    if uid is None:
        nodes = client.call("GET", "/v1/nodes")
        if nodes.status != 200 or not isinstance(nodes.body, list):
            return None, None, f"GET /v1/nodes: {nodes.describe()}"
        uid = next((node.get("uid") for node in nodes.body
                    if isinstance(node, dict) and node.get("addr") == cfg.pod_ip), None)
        if uid is None:
            return None, None, f"no cluster node has addr {cfg.pod_ip}"
    node = client.call("GET", f"/v1/nodes/{uid}")
    if node.status != 200 or not isinstance(node.body, dict):
        return None, None, f"GET /v1/nodes/{uid}: {node.describe()}"
    return uid, node.body, None


def node_maintenance(client, uid):
    """(maintenance snapshot or None, node status object, None), or (None, None, reason) when it cannot tell.

    GET /v1/nodes/<uid>/status includes `maintenance_snapshot` while a maintenance-mode snapshot exists (maintenance
    in progress, or stopped improperly), besides `master_shards` / `slave_shards`. A 404 for a node the cluster
    just listed means a Redis Software without this request: no maintenance information, not a failure.
    """
    answer = client.call("GET", f"/v1/nodes/{uid}/status")
    if answer.status == 200 and isinstance(answer.body, dict):
        snapshot = answer.body.get("maintenance_snapshot")
        return (snapshot or None), answer.body, None
    if answer.status == 404:
        return None, {}, None
    return None, None, f"GET /v1/nodes/{uid}/status: {answer.describe()}"


def snapshot_name(snapshot):
    return snapshot.get("name", "?") if isinstance(snapshot, dict) else str(snapshot)


def membership(cfg, client):
    """(is_ready, reason): an active cluster member that is not in maintenance mode.

    Readiness uses GET /v1/nodes/<local uid> and its `status` rather than /v1/local/node/master_healthcheck:
    the node object's status (active | provisioning | decommissioning | down) is the cluster's own record of
    this node's membership, which is exactly "an active cluster member" - and a node being removed
    (decommissioning) turns unready. master_healthcheck only reports whether this node currently reaches the
    primary node and the CCS; it would flip every pod unready during a primary failover, which is not a
    membership change. A node in maintenance mode holds no primaries or endpoints: not ready, so a rolling update
    waits for it to leave maintenance mode, and the PodDisruptionBudget counts it as unavailable.
    """
    uid, node, reason = local_node(cfg, client)
    if uid is None:
        return False, reason
    status = node.get("status")
    if status != "active":
        return False, f"node uid {uid} status {status}"
    snapshot, _, problem = node_maintenance(client, uid)
    if problem:
        return False, f"node uid {uid} status active, maintenance mode unknown ({problem})"
    if snapshot:
        return False, f"node uid {uid} status active, in maintenance mode (snapshot {snapshot_name(snapshot)})"
    return True, f"node uid {uid} status active"


# ---------------------------------------------------------------------------------------------- maintenance

def node_action(cfg, client, uid, action, body, deadline):
    """POST /v1/nodes/<uid>/actions/<action>, then poll its action object until it ends.

    Returns (final status, detail): completed | failed | cancelled with the action object's error, or
    'rejected' with the POST's answer. A 409 means this action is already running: it is followed instead.
    Raises TimedOut at the deadline.
    """
    path = f"/v1/nodes/{uid}/actions/{action}"
    answer = client.call("POST", path, body)
    if answer.status == 409:
        log(f"POST {path}: the action is already running; following it")
    elif answer.status == 200:
        task = answer.body.get("task_id") if isinstance(answer.body, dict) else None
        log(f"POST {path} accepted" + (f" (task {task})" if task else ""))
    else:
        return "rejected", answer.describe()
    last = None
    while True:
        progress = client.call("GET", path)
        if progress.status == 200 and isinstance(progress.body, dict):
            status = progress.body.get("status")
            shown = f"{action}: {status}" + (f" {progress.body.get('progress')}%"
                                              if progress.body.get("progress") is not None else "")
            if shown != last:
                log(shown)
                last = shown
            if status in ACTION_ENDED:
                error = progress.body.get("error_message") or progress.body.get("error_code") or ""
                return status, error
        else:
            note(f"action-{action}", f"GET {path}: {progress.describe()}")
        pause(cfg, deadline, f"the {action} action of node uid {uid}")


def drain(cfg, client, deadline):
    """Move the primary shards and endpoints off this node (maintenance mode). True when done or nothing to do."""
    uid, _, reason = local_node(cfg, client)
    if uid is None:
        log(f"not a cluster member ({reason}): nothing to move off this node")
        return True
    snapshot, status, problem = node_maintenance(client, uid)
    if snapshot:
        log(f"node uid {uid} is already in maintenance mode (snapshot {snapshot_name(snapshot)}): not turning it on "
            "again (activations stack)")
        return True
    primaries = len(status.get("master_shards") or []) if status else "?"
    log(f"moving the primary shards and endpoints off node uid {uid} ({primaries} primary shards) with maintenance "
        f"mode{f'; {problem}' if problem else ''}")
    outcome, detail = node_action(cfg, client, uid, "maintenance_on", MAINTENANCE_ON_BODY, deadline)
    if outcome == "completed":
        _, after, _ = node_maintenance(client, uid)
        left = len(after.get("master_shards") or []) if after else "?"
        log(f"maintenance mode on for node uid {uid}: {left} primary shards left on it")
        return True
    log(f"FAILED: maintenance_on {outcome}{f' ({detail})' if detail else ''}: the node stops with its shards; "
        "Redis Enterprise fails them over once it sees the node down")
    return False


def leave_maintenance(cfg, client, deadline):
    """Turn maintenance mode off while the node's status carries a maintenance snapshot (its last pod's drain)."""
    while True:
        uid, _, reason = local_node(cfg, client)
        if uid is None:
            note("maintenance", f"cannot check maintenance mode yet: {reason}")
            pause(cfg, deadline, "the node's record to check maintenance mode")
            continue
        snapshot, _, problem = node_maintenance(client, uid)
        if problem:
            note("maintenance", f"cannot check maintenance mode yet: {problem}")
            pause(cfg, deadline, "the node's status to check maintenance mode")
            continue
        if not snapshot:
            return
        log(f"node uid {uid} is in maintenance mode (snapshot {snapshot_name(snapshot)}, left on when its pod "
            "stopped): turning it off")
        outcome, detail = node_action(cfg, client, uid, "maintenance_off", {}, deadline)
        if outcome == "completed":
            log(f"maintenance mode off for node uid {uid}: its shards and endpoints are restored")
            continue  # activations stack: check again
        log(f"maintenance_off {outcome}{f' ({detail})' if detail else ''}; retrying")
        pause(cfg, deadline, f"maintenance mode off for node uid {uid}")


def write_marker(directory, name, text):
    """Best effort: the file the other container's preStop hook waits for (written whole, then renamed)."""
    try:
        os.makedirs(directory, exist_ok=True)
        temporary = os.path.join(directory, f".{name}.tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.replace(temporary, os.path.join(directory, name))
    except OSError as error:
        log(f"cannot write {os.path.join(directory, name)}: {error.strerror}")


def remove_marker(directory, name):
    try:
        os.remove(os.path.join(directory, name))
    except OSError:
        pass


# ---------------------------------------------------------------------------------------------- monitor

def unreachable(answer):
    """No answer, or the API server itself failing: what a restarting Redis Enterprise container looks like."""
    return answer.status is None or answer.status >= 500


def monitor(cfg, client, credentials):
    """Re-check membership every MONITOR_SECONDS; bootstrap again after a restart that lost the membership."""
    last, last_logged, restarted = None, 0.0, False
    while True:
        answer = client.get_bootstrap()
        state, _, _ = bootstrap_status(answer)
        if unreachable(answer):
            if not restarted:
                log(f"local REST API unreachable ({answer.describe()}): the Redis Enterprise container is restarting?")
            restarted = True
        elif answer.status == 200 and state:
            if restarted and state != "completed":
                log(f"the Redis Enterprise container came back with bootstrap state {state}: its node is no cluster "
                    "member now; creating or joining again")
                deadline = time.monotonic() + cfg.timeout_seconds
                form_or_join(cfg, client, credentials, deadline)
                leave_maintenance(cfg, client, deadline)
                last = None
            elif restarted:
                log("local REST API answers again: the node kept its membership")
            elif state != "completed":
                note("left", f"bootstrap state {state} while the Redis Enterprise container kept running: the node "
                     "left the cluster (rladmin node remove?); not joining again")
            restarted = False
        active, reason = membership(cfg, client)
        now = time.monotonic()
        if active != last or now - last_logged >= HEARTBEAT_SECONDS:
            log(("active cluster member: " if active else "NOT an active cluster member: ") + reason)
            last, last_logged = active, now
        time.sleep(cfg.monitor_seconds)


# ---------------------------------------------------------------------------------------------- commands

def command_run(once):
    started = time.monotonic()
    cfg = Config()
    cfg.validate_for_run()
    credentials = read_credentials(cfg)
    deadline = started + cfg.timeout_seconds
    log(f"starting: pod {cfg.pod_name} (ordinal {cfg.ordinal}) ip {cfg.pod_ip} namespace {cfg.namespace or '-'} "
        f"node {cfg.node_name or '-'} cluster {cfg.cluster_fqdn} rack_aware={str(cfg.rack_aware).lower()}")
    client = ReClient(cfg.re_api_url, credentials)
    try:
        form_or_join(cfg, client, credentials, deadline)
        leave_maintenance(cfg, client, deadline)
        if once:
            return 0
        monitor(cfg, client, credentials)
    except TimedOut as waiting:
        log(f"FAILED: timed out after {cfg.timeout_seconds:g}s (TIMEOUT_SECONDS) waiting for {waiting}")
        return 1
    return 0


def command_ready():
    cfg = Config()
    credentials = read_credentials(cfg)
    client = ReClient(cfg.re_api_url, credentials, timeout=2.0,
                      deadline=time.monotonic() + READY_BUDGET_SECONDS)
    active, reason = membership(cfg, client)
    print(("ready: " if active else "not ready: ") + scrub(reason), flush=True)
    return 0 if active else 1


def command_drain():
    """preStop: drain within DRAIN_TIMEOUT_SECONDS; LIFECYCLE_DIR/drained is written whatever happens."""
    started = time.monotonic()
    directory = env("LIFECYCLE_DIR", "/var/run/redis-enterprise-lifecycle")
    drained = False
    write_marker(directory, DRAINING_FILE, "draining")
    try:
        cfg = Config()
        credentials = read_credentials(cfg)
        log(f"pod {cfg.pod_name or '-'} is stopping: draining its node within {cfg.drain_timeout_seconds:g}s "
            "(DRAIN_TIMEOUT_SECONDS)")
        client = ReClient(cfg.re_api_url, credentials)
        try:
            drained = drain(cfg, client, started + cfg.drain_timeout_seconds)
        except TimedOut as waiting:
            log(f"FAILED: {cfg.drain_timeout_seconds:g}s (DRAIN_TIMEOUT_SECONDS) passed waiting for {waiting}: "
                "the node stops anyway")
    finally:
        write_marker(directory, DRAINED_FILE, "drained" if drained else "failed")
        remove_marker(directory, DRAINING_FILE)
    return 0 if drained else 1


def on_sigterm(signum, frame):
    # As PID 1 of its container Python would otherwise ignore SIGTERM and hold pod deletion for the whole
    # termination grace period.
    log("terminating")
    sys.exit(0)


def main(argv):
    usage = "usage: bootstrap.py run [--once] | bootstrap.py ready | bootstrap.py drain"
    if not argv or argv[0] not in ("run", "ready", "drain") or (argv[0] in ("ready", "drain") and len(argv) > 1) \
            or (argv[0] == "run" and argv[1:] not in ([], ["--once"])):
        print(usage, file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, on_sigterm)
    commands = {"run": lambda: command_run("--once" in argv[1:]), "ready": command_ready, "drain": command_drain}
    try:
        return commands[argv[0]]()
    except ConfigError as error:
        log(f"FAILED: configuration error: {error}")
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
