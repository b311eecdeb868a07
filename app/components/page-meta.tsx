import { Meta } from "@remix-run/react";
import { Children, cloneElement, isValidElement, type ReactElement, useContext, useEffect } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";

/** What a page's title starts with while it shows form errors (GOV.UK's pattern). */
export const ERROR_TITLE_PREFIX = "Error: ";

const hasFieldErrors = (data: unknown) =>
  typeof data === "object" &&
  data !== null &&
  "fieldErrors" in data &&
  typeof data.fieldErrors === "object" &&
  data.fieldErrors !== null &&
  Object.values(data.fieldErrors).some(Boolean);

/**
 * Remix's <Meta />, with "Error: " before the title when an action sent the form back with
 * `fieldErrors` (every form action answers a bad send that way). It has to be known while the
 * <head> is rendered, on the server too, so a page sent back without JavaScript says so first.
 */
export function PageMeta() {
  // NOTE: meta functions are not given action data (https://remix.run/docs/en/main/route/meta),
  // and useActionData() reads only its own route's, so the router's state is read here.
  const actionData = useContext(UNSAFE_DataRouterStateContext)?.actionData;
  const formErrors = Object.values(actionData ?? {}).some(hasFieldErrors);
  // Called as a function (it only uses context hooks) so its <title> can be rewritten.
  const tags = Meta() as ReactElement<{ children?: unknown }>;
  if (!formErrors) return tags;
  return (
    <>
      {Children.map(tags.props.children, (tag) =>
        isValidElement<{ children?: unknown }>(tag) && tag.type === "title"
          ? cloneElement(tag, {}, withErrorPrefix(String(tag.props.children)))
          : tag,
      )}
    </>
  );
}

const withErrorPrefix = (title: string) => (title.startsWith(ERROR_TITLE_PREFIX) ? title : `${ERROR_TITLE_PREFIX}${title}`);

/**
 * While an error summary shows in the browser (a form stopped before sending, or sent back with
 * problems), the title starts with "Error: "; it goes back once the summary is gone.
 */
export function useErrorTitle(showing: boolean) {
  useEffect(() => {
    if (!showing) return;
    document.title = withErrorPrefix(document.title);
    return () => {
      if (document.title.startsWith(ERROR_TITLE_PREFIX)) document.title = document.title.slice(ERROR_TITLE_PREFIX.length);
    };
  }, [showing]);
}
