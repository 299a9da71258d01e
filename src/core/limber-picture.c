/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "limber-catalog"

/* What a picture is, read from its bytes: the type by its magic (the
 * file's name counts for nothing) and, for PNG and JPEG, the size from the
 * header, so that a picture too big to decode is refused before it is
 * stored. A small parser over the bytes, bounded by their length. */

#include <string.h>

#include <glib/gi18n-lib.h>

#include "limber-catalog-private.h"

static guint
be16 (const guint8 *p)
{
  return (p[0] << 8) | p[1];
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The IHDR chunk comes first: length 13, then width and height. */
static gboolean
png_size (const guint8 *data,
          gsize         length,
          guint32      *width,
          guint32      *height)
{
  if (length < 8 + 8 + 13 || be32 (data + 8) != 13 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;
  *width = be32 (data + 16);
  *height = be32 (data + 20);
  return *width > 0 && *height > 0;
}

/* Walks the markers up to the first SOFn frame header. */
static gboolean
jpeg_size (const guint8 *data,
           gsize         length,
           guint32      *width,
           guint32      *height)
{
  gsize pos = 2;

  while (pos < length)
    {
      guint marker, segment;

      if (data[pos] != 0xff)
        return FALSE;
      while (pos < length && data[pos] == 0xff)
        pos++;
      if (pos >= length)
        return FALSE;
      marker = data[pos++];
      /* markers without a length */
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8))
        continue;
      /* the image data or its end before any frame header */
      if (marker == 0xd9 || marker == 0xda || pos + 2 > length)
        return FALSE;
      segment = be16 (data + pos);
      if (segment < 2 || pos + segment > length)
        return FALSE;
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (segment < 7)
            return FALSE;
          *height = be16 (data + pos + 3);
          *width = be16 (data + pos + 5);
          return *width > 0 && *height > 0;
        }
      pos += segment;
    }
  return FALSE;
}

static gboolean
skip_prefix (const char **p,
             const char  *end,
             const char  *prefix)
{
  gsize n = strlen (prefix);

  if ((gsize) (end - *p) < n || memcmp (*p, prefix, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

/* After an optional BOM, XML declaration, comments and white space, the
 * root element must be <svg>: no doctype (and so no entities). */
static gboolean
is_svg (const char *text,
        gsize       length)
{
  const char *p = text, *end = text + length;

  skip_prefix (&p, end, "\xef\xbb\xbf");
  for (gboolean first = TRUE;; first = FALSE)
    {
      const char *close;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (first && skip_prefix (&p, end, "<?xml") && p < end && g_ascii_isspace (*p))
        close = g_strstr_len (p, end - p, "?>");
      else if (skip_prefix (&p, end, "<!--"))
        close = g_strstr_len (p, end - p, "-->");
      else
        break;
      if (close == NULL)
        return FALSE;
      p = close + (close[0] == '?' ? 2 : 3);
    }
  return skip_prefix (&p, end, "<svg") && p < end &&
         (g_ascii_isspace (*p) || *p == '>' || *p == '/');
}

/**
 * _limber_picture_sniff:
 *
 * Returns: "image/png", "image/jpeg" or "image/svg+xml", or %NULL with
 * %LIMBER_CATALOG_ERROR_NOT_A_PICTURE (not one of them, or a header that
 * cannot be read) or _TOO_LARGE (more than LIMBER_PICTURE_MAX_SIDE pixels
 * on a side).
 */
const char *
_limber_picture_sniff (const guint8  *data,
                       gsize          length,
                       GError       **error)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };
  const char *mime_type = NULL;
  guint32 width = 0, height = 0;
  gboolean readable = FALSE;

  if (length >= sizeof png && memcmp (data, png, sizeof png) == 0)
    {
      mime_type = "image/png";
      readable = png_size (data, length, &width, &height);
    }
  else if (length >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    {
      mime_type = "image/jpeg";
      readable = jpeg_size (data, length, &width, &height);
    }
  else if (g_utf8_validate_len ((const char *) data, length, NULL) &&
           is_svg ((const char *) data, length))
    return "image/svg+xml";
  else
    {
      g_set_error_literal (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_NOT_A_PICTURE,
                           _("is not a PNG, JPEG or SVG picture"));
      return NULL;
    }

  if (!readable)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_NOT_A_PICTURE,
                   _("could not be opened as a picture: its %s header cannot be read"), mime_type);
      return NULL;
    }
  if (width > LIMBER_PICTURE_MAX_SIDE || height > LIMBER_PICTURE_MAX_SIDE)
    {
      g_set_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_TOO_LARGE,
                   _("is %u×%u pixels, larger than %d on a side; choose a smaller picture"),
                   width, height, LIMBER_PICTURE_MAX_SIDE);
      return NULL;
    }
  return mime_type;
}
