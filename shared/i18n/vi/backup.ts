/** Sao lưu và khôi phục. */
export const backup = {
  passwordTooShort: 'Mật khẩu cần ít nhất 8 ký tự.',
  errors: {
    otherKind:
      'Tệp {{file}} là tệp của ứng dụng nhưng không phải bản sao lưu (có thể là gói chuyển dữ liệu). Chưa có gì bị thay đổi.',
    notBackup: {
      sqliteOther:
        'Tệp {{file}} là cơ sở dữ liệu của một chương trình khác, không phải dữ liệu của Kiểm tra KLKCHC. Chưa có gì bị thay đổi.',
      docx: 'Tệp {{file}} là văn bản Word, không phải bản sao lưu. Hãy chọn tệp .klkbak. Chưa có gì bị thay đổi.',
      xlsx: 'Tệp {{file}} là bảng tính Excel, không phải bản sao lưu. Hãy chọn tệp .klkbak. Chưa có gì bị thay đổi.',
      zip: 'Tệp {{file}} là tệp nén (.zip), không phải bản sao lưu. Hãy chọn tệp .klkbak. Chưa có gì bị thay đổi.',
      pdf: 'Tệp {{file}} là tệp PDF, không phải bản sao lưu. Hãy chọn tệp .klkbak. Chưa có gì bị thay đổi.',
      office97:
        'Tệp {{file}} là tài liệu Word hoặc Excel đời cũ, không phải bản sao lưu. Hãy chọn tệp .klkbak. Chưa có gì bị thay đổi.',
      unknown: 'Tệp {{file}} không phải bản sao lưu của Kiểm tra KLKCHC. Hãy chọn tệp .klkbak. Chưa có gì bị thay đổi.',
    },
    emptyFile:
      'Tệp {{file}} trống (0 byte): có thể việc chép tệp chưa xong hoặc USB bị rút giữa chừng. Chưa có gì bị thay đổi.',
    damagedData:
      'Dữ liệu trong tệp {{file}} bị hỏng ({{detail}}). Hãy dùng một bản sao lưu khác. Chưa có gì bị thay đổi.',
    newer:
      'Tệp {{file}} được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu {{found}}, ứng dụng này hỗ trợ đến {{supported}}). Hãy cài phiên bản mới nhất rồi khôi phục. Chưa có gì bị thay đổi.',
    stagingGone:
      'Tệp đã kiểm tra không còn (có thể đã hủy hoặc ứng dụng vừa khởi động lại). Hãy chọn lại tệp để khôi phục.',
    busy: 'Đang sao lưu hoặc kiểm tra một tệp khác. Hãy đợi xong rồi thử lại. Chưa có gì bị thay đổi.',
    switchFailed:
      'Không thay được tệp dữ liệu {{file}} (có thể một chương trình khác đang mở nó). Dữ liệu hiện tại vẫn giữ nguyên. Hãy đóng các chương trình khác rồi thử lại.',
  },
};
