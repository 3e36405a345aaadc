#!/usr/bin/python3
"""A Switchyard agent in Python, written only from PROTOCOL.md.

Takes a role of the demo pipeline (default `reverse`: reverses payload.text),
publishes seed 001's lifecycle events, obeys the broadcast control commands
and writes no journal (Switchyard rebuilds its hops from the envelope's trace).

    /usr/bin/python3 reverse_agent.py --url redis://127.0.0.1:6379/0 [--role reverse] [--heartbeat 1]

Prints one line "ready <agent_id>" once its groups exist and it is subscribed.
"""
import argparse
import json
import os
import socket
import sys
import time

import redis

EXTERNAL_ROLES = ("", "external")


def now():
    return time.time()


class Agent:
    def __init__(self, url, role, heartbeat):
        self.r = redis.Redis.from_url(url, decode_responses=True)
        self.role = role
        self.agent_id = "%s:%d:1" % (socket.gethostname(), os.getpid())
        self.heartbeat_sec = heartbeat
        self.status = "starting"
        self.paused = False
        self.stopping = False
        self.runs = 0
        self.total_time = 0.0
        self.started_ts = now()
        self.role_stream = "stream:role:%s" % role
        self.agent_stream = "stream:agent:%s" % self.agent_id
        self.reads = [(self.agent_stream, "cg:agent:%s" % self.agent_id), (self.role_stream, "cg:role:%s" % role)]

    # --- lifecycle events (PROTOCOL.md "Lifecycle events") ---
    def publish(self, event):
        busy = self.status == "busy"
        self.r.publish("broadcast:role:stat", json.dumps({
            "kind": "status", "event": event, "role": self.role, "agent_id": self.agent_id,
            "busy": busy, "ts": now(),
            # optional fields
            "status": self.status, "host": socket.gethostname(), "pid": os.getpid(), "runs": self.runs,
            "avg_time": self.total_time / self.runs if self.runs else 0.0,
            "started_ts": self.started_ts, "interval": self.heartbeat_sec,
        }))

    def setup(self):
        for stream, group in self.reads:
            try:
                self.r.xgroup_create(stream, group, id="0", mkstream=True)
            except redis.ResponseError as error:
                if "BUSYGROUP" not in str(error):
                    raise
        self.pubsub = self.r.pubsub(ignore_subscribe_messages=True)
        self.pubsub.subscribe("broadcast:all", "broadcast:role:%s" % self.role)
        self.status = "idle"
        self.publish("init")

    # --- control commands (PROTOCOL.md "Control commands") ---
    def poll_control(self):
        while True:
            message = self.pubsub.get_message(timeout=0)
            if message is None:
                return
            data = message.get("data")
            if not isinstance(data, str):
                continue
            command = data.strip()
            if command.startswith("{"):
                try:
                    command = json.loads(command).get("command")
                except ValueError:
                    continue
            self.apply(command)

    def apply(self, command):
        if command == "pause":
            self.paused = True
            self.status = "paused"
            self.publish("heartbeat")
        elif command == "resume":
            self.paused = False
            self.status = "idle"
            self.publish("heartbeat")
        elif command == "stop":
            self.stopping = True
        elif command == "reload":
            self.publish("reload")

    # --- one hop (PROTOCOL.md "One hop") ---
    def work(self, payload):
        text = payload.get("text")
        if not isinstance(text, str):
            raise TypeError("payload.text must be a string")
        if self.role == "uppercase":
            return text.upper()
        return text[::-1]

    def handle(self, stream, group, entry_id, fields):
        try:
            env = json.loads(fields.get("envelope", ""))
            if not isinstance(env, dict) or not env.get("message_id") or not isinstance(env.get("payload", {}), dict):
                raise ValueError("envelope must be an object with message_id and an object payload")
        except ValueError as error:
            self.dead_letter(stream, group, entry_id, fields, "envelope is not valid: %s" % error)
            return
        env.setdefault("payload", {})
        env.setdefault("trace", [])
        env.setdefault("process_count", 0)
        env.setdefault("total_processing_time", 0.0)
        if not env.get("create_ts"):
            env["create_ts"] = now()
        env["target_role"] = env.get("sender_role", "external")
        env["target_agent_id"] = None
        env["target_list"] = None
        start = now()
        error = None
        try:
            env["payload"]["text"] = self.work(env["payload"])
            env["kind"] = "result"
        except Exception as caught:  # an error goes into the envelope, never out of the agent
            error = "%s: %s" % (type(caught).__name__, caught)
            env["payload"].setdefault("errors", []).append({"code": "%s.error" % self.role, "message": error})
        end = now()
        env["trace"].append({"start_ts": start, "role": self.role, "agent_id": self.agent_id,
                             "end_ts": end, "duration": end - start, "error": error})
        env["process_count"] += 1
        env["total_processing_time"] += end - start
        env["update_ts"] = end
        env["sender_role"] = self.role
        env["sender_agent_id"] = self.agent_id
        self.deliver(env)
        self.r.xack(stream, group, entry_id)
        self.runs += 1
        self.total_time += end - start

    def deliver(self, env):
        body = json.dumps(env)
        if env.get("target_list"):
            self.r.lpush(env["target_list"], body)
        elif env.get("target_agent_id"):
            self.r.xadd("stream:agent:%s" % env["target_agent_id"], {"envelope": body})
        elif env.get("target_role") not in (None,) + EXTERNAL_ROLES:
            self.r.xadd("stream:role:%s" % env["target_role"], {"envelope": body})
        else:
            result_list = env.get("result_list") or "result:%s" % env["message_id"]
            self.r.lpush(result_list, body)
            self.r.expire(result_list, 86400)

    def dead_letter(self, stream, group, entry_id, fields, reason):
        meta = {"dlq_reason": reason, "dlq_source_stream": stream, "dlq_source_id": entry_id,
                "dlq_group": group, "dlq_consumer": self.agent_id, "dlq_deliveries": "1", "dlq_ts": str(now())}
        meta.update(fields)
        self.r.xadd("switchyard:dlq:%s" % stream, meta, maxlen=10000, approximate=True)
        self.r.xack(stream, group, entry_id)

    def read_once(self):
        for index, (stream, group) in enumerate(self.reads):
            last = index == len(self.reads) - 1
            reply = self.r.xreadgroup(group, self.agent_id, {stream: ">"}, count=10, block=200 if last else None)
            for _stream, entries in reply or []:
                if entries:
                    self.status = "busy"
                for entry_id, fields in entries:
                    self.handle(stream, group, entry_id, fields or {})
                self.status = "idle"

    def run(self):
        self.setup()
        print("ready %s" % self.agent_id, flush=True)
        last_beat = now()
        while not self.stopping:
            self.poll_control()
            if self.stopping:
                break
            if self.paused:
                time.sleep(0.05)
            else:
                self.read_once()
            if now() - last_beat >= self.heartbeat_sec:
                self.publish("heartbeat")
                last_beat = now()
        self.status = "stopped"
        self.publish("exit")
        self.pubsub.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    parser.add_argument("--role", default="reverse", choices=["reverse", "uppercase"])
    parser.add_argument("--heartbeat", type=float, default=5.0)
    args = parser.parse_args()
    agent = Agent(args.url, args.role, args.heartbeat)
    try:
        agent.run()
    except KeyboardInterrupt:
        agent.status = "stopped"
        agent.publish("exit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
