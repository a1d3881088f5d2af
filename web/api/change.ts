import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from './client.ts';

/** A change a page makes (a form sent, a button pressed), and what became of it. */
export type Change<Vars, Result> = {
  /** Runs the change; never throws: a failure lands in `error`. True when it succeeded. */
  run: (vars: Vars, then?: { onSuccess?: (result: Result) => unknown }) => Promise<boolean>;
  busy: boolean;
  /** The failure as the server said it: `error.message` at the top, `field(name)` beside each field. */
  error: ApiError | null;
  field: (name: string) => string | undefined;
  done: boolean;
  result: Result | undefined;
  /** The success sentence, once done (see the `success` option). */
  message: string | null;
  /** When it last started, so the newest of several changes can speak (ChangeStatus). */
  startedAt: number;
  reset: () => void;
};

export type ChangeOptions<Vars, Result> = {
  /** Queries that hold what the change altered: refreshed once it succeeds. */
  invalidates?: readonly QueryKey[] | ((result: Result, vars: Vars) => readonly QueryKey[]);
  /** A sentence for the person once it succeeds. */
  success?: string | ((result: Result, vars: Vars) => string);
  onSuccess?: (result: Result, vars: Vars) => unknown;
  /** After success or failure (signing out leaves either way). */
  onSettled?: () => unknown;
};

/**
 * The one way a page changes something on the server: it runs `change` (usually `call(contract,
 * …)`), keeps whether it is busy and its error (message and fields), refreshes the queries it
 * names, and holds a success sentence to show.
 */
export function useChange<Vars = void, Result = unknown>(
  change: (vars: Vars) => Promise<Result>,
  options: ChangeOptions<Vars, Result> = {},
): Change<Vars, Result> {
  const client = useQueryClient();
  const mutation = useMutation<Result, ApiError, Vars>({
    mutationFn: async (vars) => {
      try {
        return await change(vars);
      } catch (error) {
        throw error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', errorMessage(error));
      }
    },
    onSuccess: async (result, vars) => {
      const keys =
        typeof options.invalidates === 'function' ? options.invalidates(result, vars) : options.invalidates;
      await Promise.all((keys ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
      await options.onSuccess?.(result, vars);
    },
    onSettled: () => options.onSettled?.(),
  });
  const { success } = options;
  return {
    run: async (vars, then) => {
      try {
        const result = await mutation.mutateAsync(vars);
        await then?.onSuccess?.(result);
        return true;
      } catch {
        return false;
      }
    },
    busy: mutation.isPending,
    error: mutation.error,
    field: (name) => mutation.error?.field(name),
    done: mutation.isSuccess,
    result: mutation.data,
    message:
      mutation.isSuccess && success
        ? typeof success === 'function'
          ? success(mutation.data, mutation.variables)
          : success
        : null,
    startedAt: mutation.submittedAt,
    reset: mutation.reset,
  };
}
