import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

interface InvalidatingMutationOptions {
  /**
   * Mark the queries stale after a failure too: a refusal such as a version conflict says the cached
   * answer is out of date.
   */
  evenOnError?: boolean;
}

/**
 * A change sent to the API, after which the queries under `staleKeys` are stale: those shown are
 * fetched again before the mutation counts as done.
 */
export function useInvalidatingMutation<Variables, Answer>(
  mutationFn: (variables: Variables) => Promise<Answer>,
  staleKeys: readonly QueryKey[],
  { evenOnError = false }: InvalidatingMutationOptions = {},
) {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all(staleKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  return useMutation({
    mutationFn,
    ...(evenOnError ? { onSettled: invalidate } : { onSuccess: invalidate }),
  });
}
