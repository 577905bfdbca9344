export interface EmbeddingsClientOptions {
  /** Base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1; POST {url}/embeddings. */
  url: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
}

export class EmbeddingsRequestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmbeddingsRequestError';
  }
}

interface EmbeddingsResponse {
  data?: { embedding?: unknown; index?: unknown }[];
}

const isVector = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length > 0 && value.every((n) => typeof n === 'number' && Number.isFinite(n));

/** A client for the OpenAI embeddings endpoint (and compatible servers), with a hard timeout. */
export class OpenAiEmbeddingsClient {
  private readonly endpoint: string;

  constructor(private readonly options: EmbeddingsClientOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '')}/embeddings`;
  }

  get model(): string {
    return this.options.model;
  }

  /** One vector per input, in input order; throws EmbeddingsRequestError on any failure or timeout. */
  async embed(inputs: string[]): Promise<number[][]> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: this.options.model, input: inputs }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new EmbeddingsRequestError(
        timedOut ? `no answer within ${this.options.timeoutMs} ms` : 'the request failed',
        { cause: error },
      );
    }
    let body: EmbeddingsResponse;
    try {
      body = (await response.json()) as EmbeddingsResponse;
    } catch (error) {
      throw new EmbeddingsRequestError(`HTTP ${response.status} with a body that is not JSON`, {
        cause: error,
      });
    }
    if (!response.ok) throw new EmbeddingsRequestError(`HTTP ${response.status}`);
    const data = Array.isArray(body.data) ? body.data : [];
    const vectors: number[][] = new Array<number[]>(inputs.length);
    data.forEach((item, position) => {
      const index = typeof item.index === 'number' ? item.index : position;
      if (isVector(item.embedding) && index >= 0 && index < inputs.length) vectors[index] = item.embedding;
    });
    const dimensions = vectors[0]?.length;
    if (data.length !== inputs.length || vectors.some((v) => v === undefined || v.length !== dimensions))
      throw new EmbeddingsRequestError('the answer does not hold one vector per input');
    return vectors;
  }
}
