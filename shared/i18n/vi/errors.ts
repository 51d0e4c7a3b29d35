export const errors = {
  VALIDATION: 'Dữ liệu nhập chưa hợp lệ ({{fields}}) Chưa có gì được lưu.',
  VALIDATION_generic: 'Dữ liệu gửi lên không hợp lệ. Chưa có gì được lưu.',
  NOT_FOUND: 'Không tìm thấy bản ghi (có thể đã bị xóa ở nơi khác).',
  CONFLICT:
    'Bản ghi vừa được thay đổi ở nơi khác. Hãy tải lại để xem bản mới nhất rồi sửa lại; thay đổi của bạn chưa được lưu.',
  UNKNOWN_CALL: 'Yêu cầu không được hỗ trợ: {{name}}.',
  INTERNAL:
    'Đã xảy ra lỗi không mong muốn. Dữ liệu chưa bị thay đổi. Hãy thử lại; nếu lỗi lặp lại, hãy báo cho người hỗ trợ kỹ thuật.',
  UNAUTHORIZED: 'Phiên làm việc không hợp lệ. Hãy mở lại ứng dụng bằng địa chỉ in ra khi khởi động.',
  TRANSPORT: 'Không kết nối được với phần xử lý dữ liệu của ứng dụng.',
  DB_NEWER:
    'Tệp dữ liệu {{file}} được tạo bởi phiên bản mới hơn của ứng dụng (phiên bản dữ liệu {{found}}, ứng dụng này hỗ trợ đến {{supported}}). Hãy cài phiên bản mới nhất; tệp dữ liệu chưa bị thay đổi.',
  DB_CORRUPT:
    'Tệp dữ liệu {{file}} bị hỏng hoặc không phải tệp dữ liệu của ứng dụng. Tệp chưa bị thay đổi; hãy khôi phục từ bản sao lưu.',
  DB_LOCKED: 'Tệp dữ liệu {{file}} đang được một cửa sổ khác của ứng dụng sử dụng.',
  DISK_FULL: 'Ổ đĩa đã đầy. Chưa có gì được lưu; hãy giải phóng dung lượng rồi thử lại.',
  READ_ONLY: 'Không ghi được vào thư mục dữ liệu {{dir}} (chỉ đọc hoặc không có quyền).',
  NOT_SET_UP: 'Hãy khai báo thông tin cơ quan trước khi dùng chức năng này.',
  PRINT_FAILED: 'Không in được ({{reason}}). Hãy kiểm tra máy in rồi thử lại, hoặc lưu PDF để in sau.',
  FILE_NOT_FOUND: 'Không tìm thấy tệp đã chọn (có thể USB đã được rút ra). Hãy chọn lại tệp.',
  FILE_TOO_LARGE: 'Tệp quá lớn ({{size}}); giới hạn là {{limit}}.',
  WRITE_FAILED_diskFull: 'Không ghi được tệp {{file}}: ổ đĩa đã đầy. Tệp cũ (nếu có) vẫn nguyên vẹn.',
  WRITE_FAILED_denied:
    'Không ghi được tệp {{file}}: không có quyền ghi vào thư mục này. Tệp cũ (nếu có) vẫn nguyên vẹn.',
  WRITE_FAILED_gone:
    'Không ghi được tệp {{file}}: ổ đĩa không còn truy cập được (USB bị rút?). Tệp cũ (nếu có) vẫn nguyên vẹn.',
  WRITE_FAILED_other: 'Không ghi được tệp {{file}} (lỗi {{detail}}). Tệp cũ (nếu có) vẫn nguyên vẹn.',
};
