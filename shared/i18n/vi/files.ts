/** The generic file pieces: sealed files, writing to a USB stick, choosing a folder. */
export const files = {
  chooser: {
    titleFolder: 'Chọn thư mục',
    titleFile: 'Chọn tệp',
    drives: 'USB và ổ mạng',
    lastUsed: 'Dùng lần trước',
    computer: 'Máy tính này',
    up: 'Lên thư mục cha',
    path: 'Thư mục đang mở',
    listLabel: 'Nội dung thư mục',
    empty: 'Thư mục này không có thư mục con.',
    noFiles: 'Không có tệp phù hợp trong thư mục này.',
    choose: 'Chọn thư mục này',
    truncated: 'Thư mục có quá nhiều mục; chỉ hiện {{count}} mục đầu tiên.',
  },
  errors: {
    notSealed: 'Tệp {{file}} không phải tệp do ứng dụng Kiểm tra KLKCHC tạo ra. Chưa có gì bị thay đổi.',
    newer:
      'Tệp {{file}} được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài phiên bản mới nhất rồi thử lại. Chưa có gì bị thay đổi.',
    damaged:
      'Tệp {{file}} bị hỏng (nội dung không khớp với mã kiểm tra của nó). Hãy dùng một bản khác. Chưa có gì bị thay đổi.',
    truncated:
      'Tệp {{file}} không trọn vẹn (thiếu phần cuối: có thể chép dở hoặc USB bị rút khi đang ghi). Hãy dùng một bản khác. Chưa có gì bị thay đổi.',
    wrongPassword:
      'Sai mật khẩu của tệp {{file}}. Hãy nhập lại (phân biệt chữ hoa, chữ thường). Chưa có gì bị thay đổi.',
    passwordRequired: 'Tệp {{file}} được bảo vệ bằng mật khẩu. Hãy nhập mật khẩu. Chưa có gì bị thay đổi.',
    verifyFailed:
      'Đã ghi tệp {{file}} nhưng đọc lại thấy không khớp: ổ đĩa hoặc USB có thể bị lỗi. Tệp hỏng đã được xóa; các tệp khác trên ổ vẫn nguyên vẹn. Hãy thử một USB khác.',
    folderNotFound: 'Không tìm thấy thư mục {{folder}} (có thể USB đã được rút ra). Hãy chọn lại thư mục.',
    folderDenied: 'Không mở được thư mục {{folder}}: không có quyền truy cập. Hãy chọn thư mục khác.',
    cancelled: 'Đã dừng. Không có tệp dở dang nào được để lại.',
  },
};
