/** Contexts that introduce a province name (longer alternatives first). */
export const PROVINCE_CONTEXT_RE =
  /(?:Tỉnh ủy|Tỉnh uỷ|TỈNH ỦY|TỈNH UỶ|Thành ủy|Thành uỷ|THÀNH ỦY|THÀNH UỶ|Đài Phát thanh và Truyền hình|Đài Phát thanh - Truyền hình|tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|THÀNH PHỐ|TP\.?|Báo|BÁO)\s(?<name>\p{Lu}\p{L}*(?:\s(?:-\s)?\p{Lu}\p{L}*){0,3})/gu;
/** Provincial web sites: btgtu.binhthuan.dcs.vn, binhphuoc.gov.vn — the label before these endings. */
export const SITE_TLDS = ['.dcs.vn', '.gov.vn'] as const;
export const SITE_SLUG_RE = /(?:^|[^a-z0-9-])(?:[a-z0-9-]+\.)?([a-z]{4,20})$/;
