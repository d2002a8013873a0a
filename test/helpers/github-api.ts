// A loopback stand-in for GitHub's REST API that records every call the action's real
// @actions/github client makes, for the PR comment endpoints.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  path: string;
  body?: { body?: string };
  // Milliseconds since the server started.
  at: number;
}

// A scripted answer: the next matching request gets it instead of the normal one.
export interface FaultAnswer {
  status: number;
  headers?: Record<string, string>;
  message?: string;
  // Which requests it answers (default: any but GET /user).
  method?: string;
  path?: RegExp;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
}

export interface FakeGitHub {
  url: string;
  calls: RecordedCall[];
  comments: FakeComment[];
  // Status to answer comment writes with (e.g. 403 for a read-only token).
  writeStatus: number;
  // The pull requests each commit came from (GET /repos/o/r/commits/SHA/pulls), by commit SHA.
  pullsOfCommit: Record<string, number[]>;
  // Queues answers (502s, rate limits) for the next matching requests, in order.
  fail(...answers: FaultAnswer[]): void;
  // Answers every matching request with this from now on.
  failAlways(answer: FaultAnswer): void;
  close(): Promise<void>;
}

// Starts the server on 127.0.0.1; comments are served 100 a page with Link headers.
export async function startFakeGitHub(): Promise<FakeGitHub> {
  const state = {
    calls: [] as RecordedCall[],
    comments: [] as FakeComment[],
    writeStatus: 200,
    pullsOfCommit: {} as Record<string, number[]>,
    nextId: 1000,
    faults: [] as FaultAnswer[],
    always: undefined as FaultAnswer | undefined,
  };
  const started = Date.now();
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const method = request.method ?? "";
    state.calls.push({ method, path: url.pathname + url.search, ...(body ? { body } : {}), at: Date.now() - started });
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json", ...headers });
      response.end(JSON.stringify(value));
    };
    const matches = (fault: FaultAnswer) =>
      (!fault.method || fault.method === method) &&
      (fault.path ? fault.path.test(url.pathname) : url.pathname !== "/user");
    const queued = state.faults.findIndex(matches);
    const fault =
      queued >= 0
        ? state.faults.splice(queued, 1)[0]
        : state.always && matches(state.always)
          ? state.always
          : undefined;
    if (fault) return send(fault.status, { message: fault.message ?? "Server Error" }, fault.headers);
    if (url.pathname === "/user") return send(403, { message: "Resource not accessible by integration" });
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (list && request.method === "GET") {
      const page = Number(url.searchParams.get("page") ?? "1");
      const perPage = Number(url.searchParams.get("per_page") ?? "30");
      const slice = state.comments.slice((page - 1) * perPage, page * perPage);
      const more = page * perPage < state.comments.length;
      const next = `<http://127.0.0.1:${(server.address() as AddressInfo).port}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
      return send(200, slice, more ? { link: next } : {});
    }
    if (list && request.method === "POST") {
      if (state.writeStatus >= 400)
        return send(state.writeStatus, { message: "Resource not accessible by integration" });
      const comment = { id: state.nextId++, body: body?.body ?? "", user: { login: "github-actions[bot]" } };
      state.comments.push(comment);
      return send(201, comment);
    }
    const pulls = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([0-9a-f]+)\/pulls$/.exec(url.pathname);
    if (pulls && method === "GET") {
      const numbers = state.pullsOfCommit[pulls[3] ?? ""] ?? [];
      return send(
        200,
        numbers.map((number) => ({ number, merge_commit_sha: pulls[3], state: "closed" })),
      );
    }
    const edit = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (edit && request.method === "PATCH") {
      if (state.writeStatus >= 400)
        return send(state.writeStatus, { message: "Resource not accessible by integration" });
      const comment = state.comments.find((c) => c.id === Number(edit[3]));
      if (!comment) return send(404, { message: "Not Found" });
      comment.body = body?.body ?? "";
      return send(200, comment);
    }
    send(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get calls() {
      return state.calls;
    },
    get comments() {
      return state.comments;
    },
    get writeStatus() {
      return state.writeStatus;
    },
    set writeStatus(status: number) {
      state.writeStatus = status;
    },
    get pullsOfCommit() {
      return state.pullsOfCommit;
    },
    set pullsOfCommit(pulls: Record<string, number[]>) {
      state.pullsOfCommit = pulls;
    },
    fail: (...answers) => {
      state.faults.push(...answers);
    },
    failAlways: (answer) => {
      state.always = answer;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<{ body?: string } | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as { body?: string }) : undefined;
}
