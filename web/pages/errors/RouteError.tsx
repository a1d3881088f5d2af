import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when a page fails to load or crashes, instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) console.error(error);
  return (
    <div className="page" role="alert">
      <title>Something went wrong — Parley</title>
      <h1>{notFound ? 'We cannot find that page' : 'Something went wrong'}</h1>
      <p className="lead">
        {notFound
          ? 'The link may be old, or the address may have a typing mistake.'
          : 'This page did not load. Nothing you typed was sent. Please reload the page and try again.'}
      </p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </div>
  );
}
