/** Errors the API answers with a 4xx status and a message naming what was wrong. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

export const badParameter = (parameter: string, message: string) =>
  new HttpError(400, `${parameter}: ${message}`, parameter);

export const notFound = (message: string) => new HttpError(404, message);
