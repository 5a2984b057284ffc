// The one file that includes ICU's headers. Each function forwards to ICU's C API with plain types.
#include "mtfix_icu.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>

const char *mtf_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

/* ---- Break iteration ---- */

mtf_brk *mtf_brk_open(int32_t type, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open((UBreakIteratorType)type, locale, NULL, 0, &err);
    *status = err;
    return (mtf_brk *)bi;
}
void mtf_brk_close(mtf_brk *brk) { if (brk) ubrk_close((UBreakIterator *)brk); }
void mtf_brk_set_text(mtf_brk *brk, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)brk, (const UChar *)text, length, &err);
    *status = err;
}
int32_t mtf_brk_first(mtf_brk *brk) { return ubrk_first((UBreakIterator *)brk); }
int32_t mtf_brk_next(mtf_brk *brk) { return ubrk_next((UBreakIterator *)brk); }
int32_t mtf_brk_following(mtf_brk *brk, int32_t offset) { return ubrk_following((UBreakIterator *)brk, offset); }
int32_t mtf_brk_preceding(mtf_brk *brk, int32_t offset) { return ubrk_preceding((UBreakIterator *)brk, offset); }
int32_t mtf_brk_rule_status(mtf_brk *brk) { return ubrk_getRuleStatus((UBreakIterator *)brk); }

/* ---- Normalization ---- */

const void *mtf_norm_instance(int32_t form, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = NULL;
    switch (form) {
    case MTF_NFC: n = unorm2_getNFCInstance(&err); break;
    case MTF_NFD: n = unorm2_getNFDInstance(&err); break;
    case MTF_NFKC: n = unorm2_getNFKCInstance(&err); break;
    case MTF_NFKD: n = unorm2_getNFKDInstance(&err); break;
    case MTF_NFKC_CF: n = unorm2_getNFKCCasefoldInstance(&err); break;
    default: err = U_ILLEGAL_ARGUMENT_ERROR;
    }
    *status = err;
    return n;
}
int32_t mtf_norm_normalize(const void *norm, const uint16_t *src, int32_t length, uint16_t *dest,
                           int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = unorm2_normalize((const UNormalizer2 *)norm, (const UChar *)src, length, (UChar *)dest, capacity, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = err;
    return n;
}
int32_t mtf_norm_span_quick_check_yes(const void *norm, const uint16_t *src, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = unorm2_spanQuickCheckYes((const UNormalizer2 *)norm, (const UChar *)src, length, &err);
    *status = err;
    return n;
}
int32_t mtf_nfc_quick_check_yes(int32_t c) {
    return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES ? 1 : 0;
}
int32_t mtf_norm_is_normalized(const void *norm, const uint16_t *src, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBool b = unorm2_isNormalized((const UNormalizer2 *)norm, (const UChar *)src, length, &err);
    *status = err;
    return b ? 1 : 0;
}

/* ---- Regular expressions ---- */

mtf_regex *mtf_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *status,
                          int32_t *error_line, int32_t *error_offset) {
    UErrorCode err = U_ZERO_ERROR;
    UParseError pe;
    pe.line = 0;
    pe.offset = 0;
    URegularExpression *re = uregex_open((const UChar *)pattern, length, flags, &pe, &err);
    *status = err;
    if (error_line) *error_line = pe.line;
    if (error_offset) *error_offset = pe.offset;
    return (mtf_regex *)re;
}
mtf_regex *mtf_regex_clone(const mtf_regex *regex, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone((const URegularExpression *)regex, &err);
    *status = err;
    return (mtf_regex *)re;
}
void mtf_regex_close(mtf_regex *regex) { if (regex) uregex_close((URegularExpression *)regex); }
void mtf_regex_set_text(mtf_regex *regex, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    uregex_setText((URegularExpression *)regex, (const UChar *)text, length, &err);
    *status = err;
}
int32_t mtf_regex_find(mtf_regex *regex, int32_t start, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBool b = uregex_find((URegularExpression *)regex, start, &err);
    *status = err;
    return b ? 1 : 0;
}
int32_t mtf_regex_find_next(mtf_regex *regex, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBool b = uregex_findNext((URegularExpression *)regex, &err);
    *status = err;
    return b ? 1 : 0;
}
int32_t mtf_regex_start(mtf_regex *regex, int32_t group, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = uregex_start((URegularExpression *)regex, group, &err);
    *status = err;
    return n;
}
int32_t mtf_regex_end(mtf_regex *regex, int32_t group, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = uregex_end((URegularExpression *)regex, group, &err);
    *status = err;
    return n;
}
int32_t mtf_regex_group_count(mtf_regex *regex, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = uregex_groupCount((URegularExpression *)regex, &err);
    *status = err;
    return n;
}

/* ---- Scripts ---- */

int32_t mtf_script_of(uint32_t codepoint, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)codepoint, &err);
    *status = err;
    return (int32_t)s;
}
int32_t mtf_script_has(uint32_t codepoint, int32_t script) {
    return uscript_hasScript((UChar32)codepoint, (UScriptCode)script) ? 1 : 0;
}
const char *mtf_script_short_name(int32_t script) { return uscript_getShortName((UScriptCode)script); }

/* ---- Legacy codecs ---- */

mtf_conv *mtf_conv_open(const char *name, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *c = ucnv_open(name, &err);
    if (U_SUCCESS(err)) {
        ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
        ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    }
    *status = err;
    return (mtf_conv *)c;
}
void mtf_conv_close(mtf_conv *conv) { if (conv) ucnv_close((UConverter *)conv); }
int32_t mtf_conv_from_unicode(mtf_conv *conv, const uint16_t *src, int32_t length, char *dest,
                              int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ucnv_resetFromUnicode((UConverter *)conv);
    int32_t n = ucnv_fromUChars((UConverter *)conv, dest, capacity, (const UChar *)src, length, &err);
    if (err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = err;
    return n;
}
int32_t mtf_conv_to_unicode(mtf_conv *conv, const char *src, int32_t length, uint16_t *dest,
                            int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ucnv_resetToUnicode((UConverter *)conv);
    int32_t n = ucnv_toUChars((UConverter *)conv, (UChar *)dest, capacity, src, length, &err);
    if (err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = err;
    return n;
}

/* ---- Transliteration ---- */

mtf_translit *mtf_translit_open(const uint16_t *id, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU((const UChar *)id, length, UTRANS_FORWARD, NULL, 0, NULL, &err);
    *status = err;
    return (mtf_translit *)t;
}
void mtf_translit_close(mtf_translit *translit) { if (translit) utrans_close((UTransliterator *)translit); }
int32_t mtf_translit_trans(mtf_translit *translit, uint16_t *text, int32_t *length, int32_t capacity,
                           int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t limit = *length;
    utrans_transUChars((UTransliterator *)translit, (UChar *)text, length, capacity, 0, &limit, &err);
    if (err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = err;
    return *length;
}
int32_t mtf_translit_rules(mtf_translit *translit, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = utrans_toRules((const UTransliterator *)translit, 0, (UChar *)dest, capacity, &err);
    if (err == U_STRING_NOT_TERMINATED_WARNING || err == U_BUFFER_OVERFLOW_ERROR) err = U_ZERO_ERROR;
    *status = err;
    return n;
}

/* ---- Spoof checking ---- */

mtf_spoof *mtf_spoof_open(int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    USpoofChecker *sc = uspoof_open(&err);
    *status = err;
    return (mtf_spoof *)sc;
}
void mtf_spoof_close(mtf_spoof *spoof) { if (spoof) uspoof_close((USpoofChecker *)spoof); }
int32_t mtf_spoof_skeleton(mtf_spoof *spoof, const uint16_t *text, int32_t length, uint16_t *dest,
                           int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = uspoof_getSkeleton((const USpoofChecker *)spoof, 0, (const UChar *)text, length, (UChar *)dest, capacity, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING) err = U_ZERO_ERROR;
    *status = err;
    return n;
}
