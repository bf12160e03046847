/* sofra-sync-http.c — JSON requests to one CouchDB database: auth, timeouts, plain errors
 *
 * Copyright 2026 The Sofra developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every request has a client-side deadline (a server may hold a request open for ever; PouchDB
 * Server's longpoll ignores timeout=), its own GCancellable chained to the caller's, and
 * Content-Type and Accept: application/json. Authentication is a cookie session when the
 * server offers /_session, basic auth otherwise; the password is never logged.
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sofra-soup.h"
#include "sofra-sync-http.h"
#include "sofra-sync.h"

struct _SofraSyncHttp
{
  SoupSession *session;
  char        *server;   /* scheme://host[:port][/prefix], no trailing '/' */
  char        *database; /* as given */
  char        *db_url;   /* server + '/' + escaped database */
  char        *user;
  char        *password;
  char        *trusted; /* normalised fingerprint (upper-case hex, no ':') or NULL */
  char        *peer_fingerprint;
  char        *cookie; /* "AuthSession=…" */
  gboolean     basic;  /* the server has no /_session: basic auth */
  guint        timeout;
  guint        requests;
};

typedef struct
{
  SofraSyncHttp *http;
  char          *method;
  char          *path;
  GBytes        *body;
  SofraHttpFlags flags;
  gboolean       login;   /* the request in flight is the login */
  gboolean       retried; /* logged in again after a 401 already */
  gboolean       timed_out;
  GCancellable  *cancel; /* this request's own */
  gulong         cancel_handler;
  guint          timeout_id;
  JsonNode      *answer;
  guint          status;
} Request;

static void
request_free (gpointer data)
{
  Request *req = data;

  g_free (req->method);
  g_free (req->path);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_clear_object (&req->cancel);
  g_clear_pointer (&req->answer, json_node_unref);
  g_free (req);
}

static char *
normalise_fingerprint (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
    else if (*p != ':' && *p != ' ')
      {
        g_string_free (out, TRUE);
        return NULL;
      }
  return g_string_free (out, FALSE);
}

static gboolean
valid_database_name (const char *name)
{
  if (name == NULL || !g_ascii_islower (name[0]))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && !strchr ("_$()+-/", *p))
      return FALSE;
  return strlen (name) < 238;
}

SofraSyncHttp *
sofra_sync_http_new (const char *server_url,
                     const char *database,
                     const char *user,
                     const char *password,
                     const char *trusted_fingerprint,
                     guint       timeout_seconds,
                     GError    **error)
{
  g_autoptr (GUri) uri = NULL;
  g_autofree char *escaped = NULL;
  SofraSyncHttp   *self;
  const char      *scheme;
  gsize            len;

  uri = server_url ? g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL) : NULL;
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL)
    {
      g_set_error (error, SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_INVALID_CONFIG,
                   _ ("“%s” is not a server address. Write it like https://sync.example.org:6984"),
                   server_url ? server_url : "");
      return NULL;
    }
  if (!valid_database_name (database))
    {
      g_set_error (error, SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_INVALID_CONFIG,
                   _ ("“%s” is not a database name: it starts with a lower-case letter and holds "
                      "only lower-case letters, digits and _$()+-/."),
                   database ? database : "");
      return NULL;
    }

  self = g_new0 (SofraSyncHttp, 1);
  self->session = sofra_sync_create_soup_session ();
  self->server = g_strdup (server_url);
  len = strlen (self->server);
  while (len > 0 && self->server[len - 1] == '/')
    self->server[--len] = '\0';
  self->database = g_strdup (database);
  escaped = g_uri_escape_string (database, NULL, FALSE);
  self->db_url = g_strdup_printf ("%s/%s", self->server, escaped);
  self->user = user && *user ? g_strdup (user) : NULL;
  self->password = g_strdup (password ? password : "");
  self->trusted = trusted_fingerprint ? normalise_fingerprint (trusted_fingerprint) : NULL;
  self->timeout = timeout_seconds ? timeout_seconds : SOFRA_SYNC_TIMEOUT_SECONDS;
  return self;
}

void
sofra_sync_http_free (SofraSyncHttp *self)
{
  if (self == NULL)
    return;
  soup_session_abort (self->session);
  g_object_unref (self->session);
  g_free (self->server);
  g_free (self->database);
  g_free (self->db_url);
  g_free (self->user);
  if (self->password)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self->trusted);
  g_free (self->peer_fingerprint);
  g_free (self->cookie);
  g_free (self);
}

const char *
sofra_sync_http_get_database_url (SofraSyncHttp *self)
{
  return self->db_url;
}

const char *
sofra_sync_http_get_peer_fingerprint (SofraSyncHttp *self)
{
  return self->peer_fingerprint;
}

guint
sofra_sync_http_get_requests (SofraSyncHttp *self)
{
  return self->requests;
}

GBytes *
sofra_sync_json_bytes (JsonNode *node)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  gsize length = 0;
  char *text;

  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, &length);
  return g_bytes_new_take (text, length);
}

char *
sofra_sync_escape_id (const char *id)
{
  if (g_str_has_prefix (id, "_local/") || g_str_has_prefix (id, "_design/"))
    {
      const char      *slash = strchr (id, '/');
      g_autofree char *prefix = g_strndup (id, slash - id);
      g_autofree char *rest = g_uri_escape_string (slash + 1, NULL, FALSE);

      return g_strdup_printf ("%s/%s", prefix, rest);
    }
  return g_uri_escape_string (id, NULL, FALSE);
}

static gboolean
on_accept_certificate (SoupMessage         *msg,
                       GTlsCertificate     *certificate,
                       GTlsCertificateFlags errors,
                       gpointer             user_data)
{
  SofraSyncHttp *self = user_data;
  g_autoptr (GByteArray) der = NULL;
  g_autofree char *hex = NULL;
  GString         *pretty;

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return FALSE;
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  pretty = g_string_new (NULL);
  for (guint i = 0; hex[i]; i += 2)
    g_string_append_printf (pretty, "%s%c%c", i ? ":" : "", g_ascii_toupper (hex[i]),
                            g_ascii_toupper (hex[i + 1]));
  g_free (self->peer_fingerprint);
  self->peer_fingerprint = g_string_free (pretty, FALSE);
  if (self->trusted == NULL)
    return FALSE;
  for (guint i = 0; hex[i]; i++)
    hex[i] = g_ascii_toupper (hex[i]);
  return g_str_equal (hex, self->trusted);
}

static gboolean
on_timeout (gpointer data)
{
  Request *req = data;

  req->timeout_id = 0;
  req->timed_out = TRUE;
  g_cancellable_cancel (req->cancel);
  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled (GCancellable *cancellable, gpointer data)
{
  g_cancellable_cancel (data);
}

static void send_request (GTask *task);

/* Keeps the session cookie the server sets (at login, or renewed on any answer). */
static void
take_cookie (SofraSyncHttp *self, SoupMessage *msg)
{
  const char *set = soup_message_headers_get_list (soup_message_get_response_headers (msg),
                                                   "Set-Cookie");
  const char *start = set ? strstr (set, "AuthSession=") : NULL;

  if (start != NULL)
    {
      g_free (self->cookie);
      self->cookie = g_strndup (start, strcspn (start, ";,"));
      if (g_str_equal (self->cookie, "AuthSession="))
        g_clear_pointer (&self->cookie, g_free);
    }
}

static GError *
status_error (SofraSyncHttp *self, guint status, const char *reason)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      if (self->user == NULL)
        return g_error_new_literal (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_UNAUTHORIZED,
                                    _ ("The server asks for a user name and password."));
      return g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_UNAUTHORIZED,
                          _ ("The server did not accept the password of “%s”. Check the user "
                             "name and password."),
                          self->user);
    case SOUP_STATUS_FORBIDDEN:
      return g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_FORBIDDEN,
                          _ ("“%s” may not use the database “%s” on this server. Ask the server’s "
                             "administrator for access."),
                          self->user ? self->user : _ ("This user"), self->database);
    case SOUP_STATUS_NOT_FOUND:
      return g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_NOT_FOUND,
                          _ ("There is no database “%s” on the server. Check its name, or ask the "
                             "server’s administrator to create it."),
                          self->database);
    default:
      return g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_SERVER,
                          _ ("The server could not do what was asked (HTTP %u %s). Try again "
                             "later; if this goes on, tell the server’s administrator."),
                          status, reason ? reason : "");
    }
}

static GError *
transport_error (SofraSyncHttp *self, Request *req, GError *error)
{
  if (req->timed_out)
    return g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_UNREACHABLE,
                        _ ("The server at %s did not answer within %u seconds."), self->server,
                        self->timeout);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (error->domain == G_TLS_ERROR)
    {
      if (self->peer_fingerprint != NULL)
        return g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_CERTIFICATE,
                            _ ("The server’s certificate is not trusted (%s). If this is your "
                               "office’s own server, compare this fingerprint with the one its "
                               "administrator gives you, and trust it only if they match: %s"),
                            error->message, self->peer_fingerprint);
      return g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_CERTIFICATE,
                          _ ("A secure connection to %s failed: %s"), self->server, error->message);
    }
  if (error->domain == SOUP_SESSION_ERROR)
    return g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_BAD_RESPONSE,
                        _ ("The server at %s did not answer as a CouchDB server does (%s). Check "
                           "the address."),
                        self->server, error->message);
  return g_error_new (SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_UNREACHABLE,
                      _ ("Cannot reach the server at %s: %s"), self->server, error->message);
}

static JsonNode *
parse_answer (SofraSyncHttp *self, SoupMessage *msg, GBytes *bytes, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) parse_error = NULL;
  gsize       size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
  const char *type;

  if (size == 0)
    return NULL;
  if (json_parser_load_from_data (parser, data, (gssize) size, &parse_error) &&
      json_parser_get_root (parser) != NULL)
    return json_node_ref (json_parser_get_root (parser));
  type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  if (type != NULL && g_str_equal (type, "text/html"))
    g_set_error (error, SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_BAD_RESPONSE,
                 _ ("The server at %s answered with a web page instead of data: this address is "
                    "not a CouchDB server. Check the address."),
                 self->server);
  else
    g_set_error (error, SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_BAD_RESPONSE,
                 _ ("The server at %s sent an answer that is cut short or not valid (%s). Try "
                    "again; if this goes on, tell the server’s administrator."),
                 self->server, parse_error ? parse_error->message : "");
  return NULL;
}

static void
on_sent (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  Request       *req = g_task_get_task_data (task);
  SofraSyncHttp *self = req->http;
  SoupMessage   *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  guint          status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (req->timeout_id != 0)
    {
      GSource *timer = g_main_context_find_source_by_id (g_main_context_get_thread_default (),
                                                         req->timeout_id);

      if (timer != NULL)
        g_source_destroy (timer);
      req->timeout_id = 0;
    }
  if (req->cancel_handler)
    g_cancellable_disconnect (g_task_get_cancellable (task), req->cancel_handler);
  req->cancel_handler = 0;
  if (bytes == NULL)
    {
      g_task_return_error (task, transport_error (self, req, error));
      return;
    }
  status = soup_message_get_status (msg);
  take_cookie (self, msg);

  if (req->login)
    {
      req->login = FALSE;
      if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
        {
          g_task_return_error (task, status_error (self, SOUP_STATUS_UNAUTHORIZED, NULL));
          return;
        }
      if (!SOUP_STATUS_IS_SUCCESSFUL (status) || self->cookie == NULL)
        self->basic = TRUE; /* no cookie sessions here: basic auth on every request */
      send_request (g_steal_pointer (&task));
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED && self->user != NULL && !self->basic && !req->retried)
    {
      /* The session expired: log in again once. */
      req->retried = TRUE;
      g_clear_pointer (&self->cookie, g_free);
      send_request (g_steal_pointer (&task));
      return;
    }

  req->status = status;
  if (SOUP_STATUS_IS_SUCCESSFUL (status) ||
      (status == SOUP_STATUS_NOT_FOUND && (req->flags & SOFRA_HTTP_ALLOW_NOT_FOUND)) ||
      (status == SOUP_STATUS_CONFLICT && (req->flags & SOFRA_HTTP_ALLOW_CONFLICT)) ||
      ((status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN) &&
       (req->flags & SOFRA_HTTP_ALLOW_DENIED)) ||
      ((status == SOUP_STATUS_BAD_REQUEST || status == SOUP_STATUS_METHOD_NOT_ALLOWED ||
        status == SOUP_STATUS_NOT_IMPLEMENTED) &&
       (req->flags & SOFRA_HTTP_ALLOW_BAD_REQUEST)))
    {
      req->answer = parse_answer (self, msg, bytes, &error);
      if (error != NULL && SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_return_error (task, status_error (self, status, soup_message_get_reason_phrase (msg)));
}

static void
send_request (GTask *task)
{
  Request       *req = g_task_get_task_data (task);
  SofraSyncHttp *self = req->http;
  g_autoptr (SoupMessage) msg = NULL;
  g_autofree char    *url = NULL;
  SoupMessageHeaders *headers;
  GCancellable       *caller = g_task_get_cancellable (task);

  if (self->user != NULL && !self->basic && self->cookie == NULL)
    req->login = TRUE;

  if (req->login)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autoptr (GBytes) body = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, self->user);
      json_builder_set_member_name (b, "password");
      json_builder_add_string_value (b, self->password);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      body = sofra_sync_json_bytes (root);
      url = g_strdup_printf ("%s/_session", self->server);
      msg = soup_message_new (SOUP_METHOD_POST, url);
      if (msg != NULL)
        soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  else
    {
      url = *req->path ? g_strdup_printf ("%s/%s", self->db_url, req->path)
                       : g_strdup (self->db_url);
      msg = soup_message_new (req->method, url);
      if (msg != NULL && req->body != NULL)
        soup_message_set_request_body_from_bytes (msg, "application/json", req->body);
    }
  if (msg == NULL)
    {
      g_task_return_new_error (task, SOFRA_SYNC_ERROR, SOFRA_SYNC_ERROR_INVALID_CONFIG,
                               _ ("“%s” is not a server address."), self->server);
      g_object_unref (task);
      return;
    }

  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (req->body == NULL && !req->login)
    soup_message_headers_replace (headers, "Content-Type", "application/json");
  if (!req->login && self->cookie != NULL)
    soup_message_headers_replace (headers, "Cookie", self->cookie);
  else if (!req->login && self->user != NULL)
    {
      g_autofree char *plain = g_strdup_printf ("%s:%s", self->user, self->password);
      g_autofree char *b64 = g_base64_encode ((const guchar *) plain, strlen (plain));
      g_autofree char *auth = g_strdup_printf ("Basic %s", b64);

      soup_message_headers_replace (headers, "Authorization", auth);
      memset (plain, 0, strlen (plain));
    }
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (on_accept_certificate), self);

  g_clear_object (&req->cancel);
  req->cancel = g_cancellable_new ();
  req->timed_out = FALSE;
  if (caller != NULL)
    req->cancel_handler = g_cancellable_connect (caller, G_CALLBACK (on_caller_cancelled),
                                                 g_object_ref (req->cancel), g_object_unref);
  {
    GSource *timer = g_timeout_source_new_seconds (self->timeout);

    g_source_set_callback (timer, on_timeout, req, NULL);
    req->timeout_id = g_source_attach (timer, g_main_context_get_thread_default ());
    g_source_unref (timer);
  }
  self->requests++;
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, req->cancel, on_sent,
                                    task);
}

void
sofra_sync_http_request_async (SofraSyncHttp      *self,
                               const char         *method,
                               const char         *path,
                               GBytes             *body,
                               SofraHttpFlags      flags,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  GTask   *task = g_task_new (NULL, cancellable, callback, user_data);
  Request *req = g_new0 (Request, 1);

  req->http = self;
  req->method = g_strdup (method);
  req->path = g_strdup (path ? path : "");
  req->body = body ? g_bytes_ref (body) : NULL;
  req->flags = flags;
  g_task_set_task_data (task, req, request_free);
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_error_if_cancelled (task);
      g_object_unref (task);
      return;
    }
  send_request (task);
}

JsonNode *
sofra_sync_http_request_finish (SofraSyncHttp *self,
                                GAsyncResult  *result,
                                guint         *status,
                                GError       **error)
{
  Request *req = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  if (status != NULL)
    *status = req->status;
  return g_steal_pointer (&req->answer);
}
