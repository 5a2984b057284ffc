/// Plain-C facade over ICU's C API for mtfix.
///
/// Only `int32_t`, `uint16_t *`, `char *` and opaque pointers cross this header, so Swift never sees
/// ICU's renamed symbols (`ubrk_open_72`) or its `UErrorCode` type, which clash with Foundation's
/// private copy of the ICU headers on Linux. Status codes are ICU's `UErrorCode` values as `int32_t`:
/// `<= 0` means success, `> 0` failure.
#ifndef MTFIX_ICU_H
#define MTFIX_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Human-readable name of an ICU status code (static storage).
const char *mtf_error_name(int32_t status);

/* ---- Break iteration ---------------------------------------------------------------------- */

typedef struct mtf_brk mtf_brk;
enum { MTF_BRK_CHARACTER = 0, MTF_BRK_WORD = 1, MTF_BRK_LINE = 2, MTF_BRK_SENTENCE = 3 };
enum { MTF_BRK_DONE = -1 };

mtf_brk *mtf_brk_open(int32_t type, const char *locale, int32_t *status);
void mtf_brk_close(mtf_brk *brk);
/// The text must stay alive and unchanged while the iterator uses it.
void mtf_brk_set_text(mtf_brk *brk, const uint16_t *text, int32_t length, int32_t *status);
int32_t mtf_brk_first(mtf_brk *brk);
int32_t mtf_brk_next(mtf_brk *brk);
int32_t mtf_brk_following(mtf_brk *brk, int32_t offset);
int32_t mtf_brk_preceding(mtf_brk *brk, int32_t offset);
int32_t mtf_brk_rule_status(mtf_brk *brk);

/* ---- Normalization ------------------------------------------------------------------------ */

enum { MTF_NFC = 0, MTF_NFD = 1, MTF_NFKC = 2, MTF_NFKD = 3, MTF_NFKC_CF = 4 };

/// Returns an unowned, process-wide normalizer instance (never closed).
const void *mtf_norm_instance(int32_t form, int32_t *status);
/// Normalizes `src` into `dest`; returns the needed length (may exceed `capacity`: then call again).
int32_t mtf_norm_normalize(const void *norm, const uint16_t *src, int32_t length, uint16_t *dest,
                           int32_t capacity, int32_t *status);
/// Length of the prefix of `src` that is certainly normalized.
int32_t mtf_norm_span_quick_check_yes(const void *norm, const uint16_t *src, int32_t length, int32_t *status);
/// 1 when code point `c` has NFC_Quick_Check=Yes (a property look-up, no normalizer run).
int32_t mtf_nfc_quick_check_yes(int32_t c);
/// 1 when `src` is normalized.
int32_t mtf_norm_is_normalized(const void *norm, const uint16_t *src, int32_t length, int32_t *status);

/* ---- Regular expressions ------------------------------------------------------------------ */

typedef struct mtf_regex mtf_regex;
enum {
    MTF_REGEX_CASE_INSENSITIVE = 2,
    MTF_REGEX_COMMENTS = 4,
    MTF_REGEX_DOTALL = 32,
    MTF_REGEX_MULTILINE = 8,
    MTF_REGEX_UWORD = 256
};

/// Compiles a pattern; on a syntax error `status` > 0 and `error_offset` is the UTF-16 offset in the pattern.
mtf_regex *mtf_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *status,
                          int32_t *error_line, int32_t *error_offset);
mtf_regex *mtf_regex_clone(const mtf_regex *regex, int32_t *status);
void mtf_regex_close(mtf_regex *regex);
void mtf_regex_set_text(mtf_regex *regex, const uint16_t *text, int32_t length, int32_t *status);
/// 1 when a match was found at or after `start` (UTF-16 offset); resets the match state.
int32_t mtf_regex_find(mtf_regex *regex, int32_t start, int32_t *status);
int32_t mtf_regex_find_next(mtf_regex *regex, int32_t *status);
int32_t mtf_regex_start(mtf_regex *regex, int32_t group, int32_t *status);
int32_t mtf_regex_end(mtf_regex *regex, int32_t group, int32_t *status);
int32_t mtf_regex_group_count(mtf_regex *regex, int32_t *status);

/* ---- Scripts ------------------------------------------------------------------------------ */

/// ICU `UScriptCode` of a code point (0 Common, 1 Inherited, 25 Latin, 8 Cyrillic, 17 Han, ...).
int32_t mtf_script_of(uint32_t codepoint, int32_t *status);
/// 1 when `script` is in the code point's Script_Extensions.
int32_t mtf_script_has(uint32_t codepoint, int32_t script);
/// Four-letter ISO 15924 code of a script ("Latn", "Cyrl").
const char *mtf_script_short_name(int32_t script);

/* ---- Legacy codecs ------------------------------------------------------------------------ */

typedef struct mtf_conv mtf_conv;
mtf_conv *mtf_conv_open(const char *name, int32_t *status);
void mtf_conv_close(mtf_conv *conv);
/// Encodes UTF-16 into the codec, failing (status > 0) on the first unmappable character.
/// Returns the needed length.
int32_t mtf_conv_from_unicode(mtf_conv *conv, const uint16_t *src, int32_t length, char *dest,
                              int32_t capacity, int32_t *status);
/// Decodes bytes of the codec into UTF-16, failing (status > 0) on the first illegal or unassigned byte.
int32_t mtf_conv_to_unicode(mtf_conv *conv, const char *src, int32_t length, uint16_t *dest,
                            int32_t capacity, int32_t *status);

/* ---- Transliteration ---------------------------------------------------------------------- */

typedef struct mtf_translit mtf_translit;
mtf_translit *mtf_translit_open(const uint16_t *id, int32_t length, int32_t *status);
void mtf_translit_close(mtf_translit *translit);
/// Transliterates `text` in place; `*length` is updated; returns the needed length if larger than capacity.
int32_t mtf_translit_trans(mtf_translit *translit, uint16_t *text, int32_t *length, int32_t capacity,
                           int32_t *status);
/// The transliterator's rules as source text (`utrans_toRules`); returns the needed length if larger than capacity.
int32_t mtf_translit_rules(mtf_translit *translit, uint16_t *dest, int32_t capacity, int32_t *status);

/* ---- Spoof (confusable) checking ---------------------------------------------------------- */

typedef struct mtf_spoof mtf_spoof;
mtf_spoof *mtf_spoof_open(int32_t *status);
void mtf_spoof_close(mtf_spoof *spoof);
/// The confusable skeleton of `text` (UTS #39); returns the needed length.
int32_t mtf_spoof_skeleton(mtf_spoof *spoof, const uint16_t *text, int32_t length, uint16_t *dest,
                           int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
